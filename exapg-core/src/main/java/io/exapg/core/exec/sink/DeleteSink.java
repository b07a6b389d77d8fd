package io.exapg.core.exec.sink;

import io.exapg.core.batch.Batch;
import io.exapg.core.exec.BatchSink;
import io.exapg.core.exec.ModifySink;
import io.exapg.core.exec.QueryContext;
import io.exapg.core.exec.TaskContext;
import io.exapg.core.table.TableDeleter;

/** Hands the row ids of a DELETE's rows to the table's deleter. */
public final class DeleteSink implements ModifySink {
  private final TableDeleter deleter;
  private final int rowIdColumn;

  public DeleteSink(TableDeleter deleter, int rowIdColumn) {
    this.deleter = deleter;
    this.rowIdColumn = rowIdColumn;
  }

  @Override
  public long rowCount() {
    return deleter.rowCount();
  }

  @Override
  public BatchSink createLocal(TaskContext task) {
    return new BatchSink() {
      @Override
      public void push(Batch batch) {
        if (batch.size() > 0) {
          deleter.delete(batch, rowIdColumn);
        }
      }

      @Override
      public void finish() {
      }
    };
  }

  @Override
  public void finish(QueryContext context) {
    deleter.finish();
  }

  @Override
  public void close() {
  }
}
