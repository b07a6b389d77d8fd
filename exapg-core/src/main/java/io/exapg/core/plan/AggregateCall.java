package io.exapg.core.plan;

import io.exapg.core.type.DataType;
import java.io.Serializable;
import java.util.List;

/**
 * One aggregate of a hash aggregate.
 *
 * @param argument input column, or -1 for COUNT(*)
 * @param filter boolean input column: only rows where it is true are aggregated; -1 for all
 * @param orderBy the sort keys ARRAY_AGG and STRING_AGG order their elements by (input
 *     columns, the argument itself or others); empty for arrival order and for every other
 *     function
 * @param orderByTypes the types of the orderBy columns, in the same order
 * @param separator STRING_AGG's delimiter; null for every other function
 */
public record AggregateCall(AggregateFunction function, int argument, DataType argumentType,
    DataType resultType, int filter, List<SortKey> orderBy, List<DataType> orderByTypes,
    String separator) implements Serializable {
  public AggregateCall {
    orderBy = List.copyOf(orderBy);
    orderByTypes = List.copyOf(orderByTypes);
  }

  public AggregateCall(AggregateFunction function, int argument, DataType argumentType,
      DataType resultType, int filter) {
    this(function, argument, argumentType, resultType, filter, List.of(), List.of(), null);
  }

  @Override
  public String toString() {
    return function.name().toLowerCase() + "(" + (argument < 0 ? "*" : "$" + argument) + ")"
        + (filter < 0 ? "" : " filter $" + filter);
  }
}
