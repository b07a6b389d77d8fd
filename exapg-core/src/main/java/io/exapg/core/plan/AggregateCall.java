package io.exapg.core.plan;

import io.exapg.core.type.DataType;
import java.io.Serializable;

/**
 * One aggregate of a hash aggregate.
 *
 * @param argument input column, or -1 for COUNT(*)
 * @param filter boolean input column: only rows where it is true are aggregated; -1 for all
 * @param order element order of ARRAY_AGG and STRING_AGG; ARRIVAL for every other function
 * @param separator STRING_AGG's delimiter; null for every other function
 */
public record AggregateCall(AggregateFunction function, int argument, DataType argumentType,
    DataType resultType, int filter, ElementOrder order, String separator)
    implements Serializable {
  public AggregateCall(AggregateFunction function, int argument, DataType argumentType,
      DataType resultType, int filter) {
    this(function, argument, argumentType, resultType, filter, ElementOrder.ARRIVAL, null);
  }

  @Override
  public String toString() {
    return function.name().toLowerCase() + "(" + (argument < 0 ? "*" : "$" + argument) + ")"
        + (filter < 0 ? "" : " filter $" + filter);
  }
}
