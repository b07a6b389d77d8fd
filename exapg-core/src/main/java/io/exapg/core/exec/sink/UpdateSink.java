package io.exapg.core.exec.sink;

import io.exapg.core.batch.Batch;
import io.exapg.core.exec.BatchSink;
import io.exapg.core.exec.ModifySink;
import io.exapg.core.exec.QueryContext;
import io.exapg.core.exec.TaskContext;
import io.exapg.core.table.TableDeleter;
import io.exapg.core.table.TableWriter;
import java.util.Arrays;

/** An UPDATE: deletes each old row (column 0 is its row id) and writes the new one. */
public final class UpdateSink implements ModifySink {
  private final TableDeleter deleter;
  private final TableWriter writer;

  public UpdateSink(TableDeleter deleter, TableWriter writer) {
    this.deleter = deleter;
    this.writer = writer;
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
        if (batch.size() == 0) {
          return;
        }
        deleter.delete(batch, 0);
        writer.append(batch.withColumns(
            Arrays.copyOfRange(batch.columns(), 1, batch.columnCount())));
      }

      @Override
      public void finish() {
      }
    };
  }

  @Override
  public void finish(QueryContext context) {
    writer.finish();
    deleter.finish();
  }

  @Override
  public void close() {
  }
}
