package io.exapg.core.exec;

import io.exapg.core.batch.Batch;

/**
 * One link of a pipeline as run by one worker thread: it receives batches, does its work, and
 * pushes results on. Lifecycle: any number of {@link #push} calls, then {@link #finish} once
 * when the thread's input is done, then {@link #close} always, also after a failure.
 */
public interface BatchSink extends AutoCloseable {
  /** Consumes a batch; the batch is valid only during this call. */
  void push(Batch batch);

  /** This thread has no more input: flush anything held back and finish downstream. */
  void finish();

  /** Releases this link's memory; must not throw. */
  @Override
  default void close() {
  }
}
