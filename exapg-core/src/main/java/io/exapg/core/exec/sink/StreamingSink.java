package io.exapg.core.exec.sink;

import io.exapg.core.batch.Batch;
import io.exapg.core.batch.Vectors;
import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.core.exec.BatchSink;
import io.exapg.core.exec.PipelineSink;
import io.exapg.core.exec.QueryContext;
import io.exapg.core.exec.TaskContext;
import io.exapg.core.type.DataType;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.vector.FieldVector;

/**
 * The query's result handed to the client while the query still runs: a few batches at a time
 * in a bounded queue. The pipelines producing into it run on one thread of their own (never a
 * worker), which waits while the queue is full, so a client fetching slowly holds back only
 * its own query and the result never has to be held whole.
 */
public final class StreamingSink implements PipelineSink {
  /** What the producing thread puts in the queue after the last batch. */
  private static final FieldVector[] END = new FieldVector[0];

  private final List<DataType> types;
  private final BlockingQueue<FieldVector[]> queue;
  private final QueryContext context;
  private volatile boolean closed;
  private volatile RuntimeException failure;

  public StreamingSink(List<DataType> types, QueryContext context, int capacity) {
    this.types = types;
    this.context = context;
    this.queue = new ArrayBlockingQueue<>(capacity);
  }

  @Override
  public BatchSink createLocal(TaskContext task) {
    return new BatchSink() {
      @Override
      public void push(Batch batch) {
        if (batch.size() > 0) {
          offer(Vectors.materialize(batch, types, task.query().allocator()));
        }
      }

      @Override
      public void finish() {
      }
    };
  }

  /** Waits for room in the queue, giving up when the query is canceled or the stream closed. */
  private void offer(FieldVector[] chunk) {
    try {
      while (!queue.offer(chunk, 50, TimeUnit.MILLISECONDS)) {
        if (closed) {
          Vectors.close(chunk);
          throw new ExaException(SqlState.QUERY_CANCELED, "the result stream was closed");
        }
        context.checkCancelled();
      }
    } catch (InterruptedException e) {
      Vectors.close(chunk);
      Thread.currentThread().interrupt();
      throw ExaException.wrap(e);
    } catch (RuntimeException e) {
      Vectors.close(chunk);
      throw e;
    }
  }

  /**
   * Called by the producing thread when the pipelines are done, with the error that stopped
   * them or null; the consumer sees the error after the batches produced before it.
   */
  public void end(Throwable error) {
    if (error != null) {
      failure = ExaException.wrap(error);
    }
    try {
      while (!closed && !queue.offer(END, 50, TimeUnit.MILLISECONDS)) {
        // The consumer is slow or gone; closed tells which.
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Makes the producing thread give up at its next batch; close() after it has ended. */
  public void stop() {
    closed = true;
  }

  /** The next chunk, waiting for it; null after the last. */
  public FieldVector[] take() {
    try {
      FieldVector[] chunk;
      do {
        chunk = queue.poll(50, TimeUnit.MILLISECONDS);
        if (chunk == null) {
          context.checkCancelled();
        }
      } while (chunk == null);
      if (chunk == END) {
        queue.offer(END);
        if (failure != null) {
          throw failure;
        }
        return null;
      }
      return chunk;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ExaException.wrap(e);
    }
  }

  @Override
  public void finish(QueryContext queryContext) {
  }

  @Override
  public void close() {
    closed = true;
    for (FieldVector[] left; (left = queue.poll()) != null; ) {
      if (left != END) {
        Vectors.close(left);
      }
    }
  }
}
