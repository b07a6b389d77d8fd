package io.exapg.core.table;

import io.exapg.core.batch.Batch;

/** Receives the rows of an INSERT; safe to call from several threads. */
public interface TableWriter {
  /** Appends the live rows of a batch whose columns are the table's columns in order. */
  void append(Batch batch);

  /** Rows appended so far. */
  long rowCount();

  /** Called once when all rows have been appended, before the transaction commits. */
  void finish();
}
