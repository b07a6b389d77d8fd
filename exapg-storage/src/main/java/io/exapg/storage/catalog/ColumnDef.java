package io.exapg.storage.catalog;

import io.exapg.core.type.DataType;

/** A table column: name, type and whether it may hold NULL. */
public record ColumnDef(String name, DataType type, boolean nullable) {
}
