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
 * @param orderKey the input column ARRAY_AGG and STRING_AGG order their elements by (ORDER
 *     BY another column), or -1 when they order by the elements themselves
 * @param orderKeyType the type of the orderKey column; null without one
 * @param nullsFirst whether NULL sort keys come first
 */
public record AggregateCall(AggregateFunction function, int argument, DataType argumentType,
    DataType resultType, int filter, ElementOrder order, String separator, int orderKey,
    DataType orderKeyType, boolean nullsFirst) implements Serializable {
  public AggregateCall(AggregateFunction function, int argument, DataType argumentType,
      DataType resultType, int filter) {
    this(function, argument, argumentType, resultType, filter, ElementOrder.ARRIVAL, null, -1,
        null, false);
  }

  @Override
  public String toString() {
    return function.name().toLowerCase() + "(" + (argument < 0 ? "*" : "$" + argument) + ")"
        + (filter < 0 ? "" : " filter $" + filter);
  }
}
