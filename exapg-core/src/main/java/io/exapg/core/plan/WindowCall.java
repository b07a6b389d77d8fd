package io.exapg.core.plan;

import io.exapg.core.expr.Literal;
import io.exapg.core.type.DataType;
import java.io.Serializable;

/**
 * One window function of a window group.
 *
 * @param argument input column, or -1 for functions without a value argument
 * @param constant NTILE's bucket count, LAG's and LEAD's offset, NTH_VALUE's position
 * @param defaultValue LAG's and LEAD's value where no row is at the offset; null for NULL
 */
public record WindowCall(WindowFunction function, int argument, DataType argumentType,
    DataType resultType, long constant, Literal defaultValue) implements Serializable {
  @Override
  public String toString() {
    return function.name().toLowerCase() + "(" + (argument < 0 ? "" : "$" + argument) + ")";
  }
}
