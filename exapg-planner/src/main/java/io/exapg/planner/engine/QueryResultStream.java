package io.exapg.planner.engine;

import io.exapg.core.batch.Batch;
import io.exapg.core.batch.Vectors;
import io.exapg.core.engine.ResultStream;
import io.exapg.core.exec.ExecutionPlan;
import io.exapg.core.exec.MaterializedRows;
import io.exapg.core.exec.QueryContext;
import java.util.function.Consumer;
import org.apache.arrow.vector.FieldVector;

/** A query's rows, chunk by chunk; closing it releases the query's memory. */
final class QueryResultStream implements ResultStream {
  private final ExecutionPlan execution;
  private final QueryContext context;
  private final Consumer<QueryContext> onClose;
  private final MaterializedRows rows;
  private int next;
  private FieldVector[] readBack;
  private boolean closed;

  QueryResultStream(ExecutionPlan execution, QueryContext context,
      Consumer<QueryContext> onClose) {
    this.execution = execution;
    this.context = context;
    this.onClose = onClose;
    this.rows = execution.result();
  }

  @Override
  public Batch next() {
    context.checkCancelled();
    Vectors.close(readBack);
    readBack = null;
    if (next >= rows.chunkCount()) {
      return null;
    }
    int index = next++;
    readBack = rows.readBack(index, context.allocator());
    return readBack == null ? rows.chunk(index) : Batch.of(readBack, rows.chunkRows(index));
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    Vectors.close(readBack);
    try {
      execution.close();
    } finally {
      onClose.accept(context);
    }
  }
}
