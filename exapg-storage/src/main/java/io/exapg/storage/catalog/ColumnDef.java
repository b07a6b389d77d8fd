package io.exapg.storage.catalog;

import io.exapg.core.type.DataType;

/**
 * A table column: name, type, whether it may hold NULL, and its DEFAULT expression as SQL text
 * (null when it has none).
 */
public record ColumnDef(String name, DataType type, boolean nullable, String defaultValue) {
  public ColumnDef(String name, DataType type, boolean nullable) {
    this(name, type, nullable, null);
  }

  public ColumnDef withDefault(String expression) {
    return new ColumnDef(name, type, nullable, expression);
  }
}
