package io.exapg.core.engine;

import io.exapg.core.batch.Batch;

/** Result rows in batches. A batch stays valid until the next call or close. */
public interface ResultStream extends AutoCloseable {
  /** The next batch, or null at the end. */
  Batch next();

  /** The consumer sent this many bytes of the rows to the client (for the statement trace). */
  default void sent(long bytes) {
  }

  @Override
  void close();
}
