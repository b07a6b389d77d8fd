package io.exapg.core.exec.sink;

import io.exapg.core.exec.BatchSink;
import io.exapg.core.exec.MaterializedRows;
import io.exapg.core.exec.PipelineSink;
import io.exapg.core.exec.QueryContext;
import io.exapg.core.exec.TaskContext;
import io.exapg.core.type.DataType;
import java.util.List;

/**
 * Keeps every row it receives, in arrival order per thread: the query's result, moved to disk
 * chunk by chunk when the query's memory runs short.
 */
public final class CollectSink implements PipelineSink {
  private final MaterializedRows rows;

  public CollectSink(List<DataType> types, QueryContext context) {
    this.rows = new MaterializedRows(types, context);
  }

  public MaterializedRows rows() {
    return rows;
  }

  @Override
  public BatchSink createLocal(TaskContext task) {
    return rows.appender(task.query().allocator());
  }

  @Override
  public void finish(QueryContext context) {
  }

  @Override
  public void close() {
    rows.close();
  }
}
