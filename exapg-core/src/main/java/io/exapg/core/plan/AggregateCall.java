package io.exapg.core.plan;

import io.exapg.core.type.DataType;
import java.io.Serializable;

/**
 * One aggregate of a hash aggregate.
 *
 * @param argument input column, or -1 for COUNT(*)
 */
public record AggregateCall(AggregateFunction function, int argument, DataType argumentType,
    DataType resultType) implements Serializable {
  @Override
  public String toString() {
    return function.name().toLowerCase() + "(" + (argument < 0 ? "*" : "$" + argument) + ")";
  }
}
