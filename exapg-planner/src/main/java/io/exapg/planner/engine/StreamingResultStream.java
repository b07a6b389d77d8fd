package io.exapg.planner.engine;

import io.exapg.core.batch.Batch;
import io.exapg.core.batch.Vectors;
import io.exapg.core.engine.ResultStream;
import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.core.exec.ExecutionPlan;
import io.exapg.core.exec.QueryContext;
import io.exapg.core.exec.sink.StreamingSink;
import org.apache.arrow.vector.FieldVector;

/**
 * A query whose rows go to the client while it runs, for clients that fetch a few rows at a
 * time (a portal with a row limit, as the JDBC driver's fetch size makes it). The query runs
 * on a virtual thread of its own that waits whenever the client is behind, so server memory
 * stays bounded however large the result.
 */
final class StreamingResultStream implements ResultStream {
  private final ExecutionPlan execution;
  private final QueryContext context;
  private final StreamingSink sink;
  private final Runnable onFailure;
  private final Runnable onClose;
  private final Thread producer;
  private FieldVector[] current;
  private volatile boolean closed;

  /**
   * @param onFailure runs when the query fails (the session's transaction block is then
   *     aborted)
   * @param onClose runs once the query has stopped and released its memory
   * @param afterRun runs on the query's thread when it has produced its last row
   */
  StreamingResultStream(ExecutionPlan execution, QueryContext context, Runnable onFailure,
      Runnable onClose, Runnable afterRun) {
    this.execution = execution;
    this.context = context;
    this.sink = execution.streamingResult();
    this.onFailure = onFailure;
    this.onClose = onClose;
    this.producer = Thread.ofVirtual().name("exapg-result-stream").start(() -> {
      Throwable error = null;
      try {
        execution.run();
      } catch (Throwable t) {
        error = t;
      } finally {
        afterRun.run();
        sink.end(error);
      }
    });
  }

  @Override
  public Batch next() {
    if (closed) {
      throw new ExaException(SqlState.INVALID_CURSOR_NAME,
          "the portal was closed at the end of its transaction");
    }
    Vectors.close(current);
    current = null;
    try {
      current = sink.take();
    } catch (RuntimeException e) {
      onFailure.run();
      throw e;
    }
    return current == null ? null : Batch.of(current, current[0].getValueCount());
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    sink.stop();
    context.cancel(new ExaException(SqlState.QUERY_CANCELED, "the result stream was closed"));
    try {
      producer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Vectors.close(current);
    current = null;
    try {
      execution.close();
    } finally {
      onClose.run();
    }
  }
}
