package io.exapg.core.expr;

import io.exapg.core.type.DataType;
import io.exapg.core.type.TextFormat;

/** A constant, in the physical Java representation of its type; null for SQL NULL. */
public record Literal(Object value, DataType type) implements Expr {
  public static Literal nullOf(DataType type) {
    return new Literal(null, type);
  }

  public boolean isNull() {
    return value == null;
  }

  @Override
  public String toString() {
    if (value == null) {
      return "NULL";
    }
    String text = TextFormat.toText(value, type);
    return type.isString() ? "'" + text.replace("'", "''") + "'" : text;
  }
}
