package io.exapg.core.expr;

import io.exapg.core.type.DataType;

/** A statement parameter ($1 is index 0), bound when the statement executes. */
public record Parameter(int index, DataType type) implements Expr {
  @Override
  public String toString() {
    return "$" + (index + 1) + "::" + type.shortName();
  }
}
