package io.exapg.storage.table;

import io.exapg.core.batch.Batch;
import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.storage.catalog.ColumnDef;
import io.exapg.storage.catalog.TableDef;
import io.exapg.storage.format.ColumnBuffer;
import io.exapg.storage.format.ColumnData;
import io.exapg.storage.format.SegmentFile;
import java.util.ArrayList;
import java.util.List;

/**
 * A transaction's uncommitted rows for one table: whole segments once there are enough rows
 * (written and fsynced, but attached only at commit), and the rest on the heap.
 */
public final class PendingWrites {
  private final TableStorage table;
  private final List<SegmentFile> segments = new ArrayList<>();
  private ColumnBuffer[] rows;

  PendingWrites(TableStorage table) {
    this.table = table;
    this.rows = newBuffer();
  }

  private ColumnBuffer[] newBuffer() {
    TableDef def = table.table();
    ColumnBuffer[] columns = new ColumnBuffer[def.columns().size()];
    for (int c = 0; c < columns.length; c++) {
      columns[c] = new ColumnBuffer(def.columns().get(c).type());
    }
    return columns;
  }

  public TableStorage table() {
    return table;
  }

  public synchronized void append(Batch batch) {
    checkNotNull(batch);
    for (int c = 0; c < rows.length; c++) {
      rows[c].append(batch, c);
    }
    if (rows[0].size() >= TableStorage.FLUSH_ROWS) {
      ColumnData[] view = view();
      segments.add(table.writeSegment(table.newSegmentName(), view, 0, view[0].size()));
      rows = newBuffer();
    }
  }

  private void checkNotNull(Batch batch) {
    List<ColumnDef> columns = table.table().columns();
    for (int c = 0; c < columns.size(); c++) {
      if (columns.get(c).nullable() || batch.column(c).getNullCount() == 0) {
        continue;
      }
      for (int j = 0; j < batch.size(); j++) {
        if (batch.column(c).isNull(batch.row(j))) {
          throw new ExaException(SqlState.NOT_NULL_VIOLATION,
              "null value in column \"" + columns.get(c).name() + "\" of relation \""
                  + table.table().name() + "\" violates not-null constraint");
        }
      }
    }
  }

  public synchronized ColumnData[] view() {
    ColumnData[] view = new ColumnData[rows.length];
    for (int c = 0; c < rows.length; c++) {
      view[c] = rows[c].view();
    }
    return view;
  }

  public synchronized List<SegmentFile> segments() {
    return List.copyOf(segments);
  }

  public synchronized long rowCount() {
    long count = rows[0].size();
    for (SegmentFile segment : segments) {
      count += segment.meta().rowCount();
    }
    return count;
  }

  /** Throws the written segment files away (rollback). */
  synchronized void discard() {
    for (SegmentFile segment : segments) {
      segment.close();
      try {
        java.nio.file.Files.deleteIfExists(segment.path());
      } catch (java.io.IOException ignored) {
        // an undeleted file is unreferenced and removed at the next start
      }
    }
    segments.clear();
    rows = newBuffer();
  }
}
