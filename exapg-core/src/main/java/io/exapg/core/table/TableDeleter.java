package io.exapg.core.table;

import io.exapg.core.batch.Batch;

/**
 * Receives the row ids of the rows a DELETE or UPDATE removes; safe to call from several
 * threads. The deletes become visible to the statement's transaction at {@link #finish}.
 */
public interface TableDeleter {
  /** Marks the rows whose ids are in a BIGINT column of the batch's live rows as deleted. */
  void delete(Batch batch, int rowIdColumn);

  /** Rows deleted so far. */
  long rowCount();

  /** Called once after the last batch; may fail if the rows were changed concurrently. */
  void finish();
}
