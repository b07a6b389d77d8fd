package io.exapg.core.table;

import io.exapg.core.batch.Batch;

/** Receives the rows of an INSERT; safe to call from several threads. */
public interface TableWriter {
  /** Appends the live rows of a batch whose columns are the table's columns in order. */
  default void append(Batch batch) {
    observe(batch);
    appendObserved(batch);
  }

  /**
   * The part of append that does not depend on the order of batches (the statistics of the
   * rows), so that a writer fed in order (COPY) can run it in parallel beforehand.
   */
  void observe(Batch batch);

  /** The rest of append, for a batch observe has seen; calls keep the order of the rows. */
  void appendObserved(Batch batch);

  /** Rows appended so far. */
  long rowCount();

  /** Called once when all rows have been appended, before the transaction commits. */
  void finish();
}
