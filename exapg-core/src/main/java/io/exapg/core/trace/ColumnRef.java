package io.exapg.core.trace;

/** A table's column by the table's catalog id and the column's position in the table. */
public record ColumnRef(long tableId, int column) {
}
