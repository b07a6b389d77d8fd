package io.exapg.core.expr;

import io.exapg.core.type.DataType;

/** The value of an input column. */
public record ColumnRef(int index, DataType type) implements Expr {
  @Override
  public String toString() {
    return "$" + index;
  }
}
