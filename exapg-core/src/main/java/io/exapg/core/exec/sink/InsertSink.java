package io.exapg.core.exec.sink;

import io.exapg.core.batch.Batch;
import io.exapg.core.exec.BatchSink;
import io.exapg.core.exec.ModifySink;
import io.exapg.core.exec.QueryContext;
import io.exapg.core.exec.TaskContext;
import io.exapg.core.table.TableWriter;

/** Hands the rows of an INSERT to the table's writer. */
public final class InsertSink implements ModifySink {
  private final TableWriter writer;

  public InsertSink(TableWriter writer) {
    this.writer = writer;
  }

  @Override
  public long rowCount() {
    return writer.rowCount();
  }

  @Override
  public BatchSink createLocal(TaskContext task) {
    return new BatchSink() {
      @Override
      public void push(Batch batch) {
        if (batch.size() > 0) {
          writer.append(batch);
        }
      }

      @Override
      public void finish() {
      }
    };
  }

  @Override
  public void finish(QueryContext context) {
    writer.finish();
  }

  @Override
  public void close() {
  }
}
