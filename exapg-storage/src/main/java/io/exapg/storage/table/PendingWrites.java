package io.exapg.storage.table;

import io.exapg.core.batch.Batch;
import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.storage.catalog.ColumnDef;
import io.exapg.storage.catalog.TableDef;
import io.exapg.storage.format.ColumnBuffer;
import io.exapg.storage.format.ColumnData;
import io.exapg.storage.format.SegmentFile;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * A transaction's uncommitted rows for one table, addressed like committed ones: whole
 * segments once there are enough rows (written and fsynced, but attached only at commit), and
 * the rest in an in-memory buffer with a container id of its own.
 */
public final class PendingWrites {
  private final TableStorage table;
  private final List<SegmentRef> segments = new ArrayList<>();
  private ColumnBuffer[] rows;
  private long bufferId;

  PendingWrites(TableStorage table) {
    this.table = table;
    this.rows = newBuffer();
    this.bufferId = table.allocateSegmentId();
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
      SegmentFile file = table.writeSegment(bufferId, view, 0, view[0].size());
      segments.add(SegmentRef.ofFile(bufferId, file));
      rows = newBuffer();
      bufferId = table.allocateSegmentId();
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

  public synchronized long bufferId() {
    return bufferId;
  }

  /** The segments written so far. */
  public synchronized List<SegmentRef> segments() {
    return List.copyOf(segments);
  }

  /** Every pending row: the written segments, then the buffer. */
  public synchronized List<SegmentRef> containers() {
    List<SegmentRef> all = new ArrayList<>(segments);
    if (rows[0].size() > 0) {
      all.add(SegmentRef.inMemory(bufferId, view()));
    }
    return all;
  }

  /** Whether a container id is one of this transaction's own. */
  public synchronized boolean owns(long segmentId) {
    if (segmentId == bufferId) {
      return true;
    }
    for (SegmentRef segment : segments) {
      if (segment.id() == segmentId) {
        return true;
      }
    }
    return false;
  }

  /** Throws the written segment files away (rollback). */
  synchronized void discard() {
    for (SegmentRef segment : segments) {
      segment.file().close();
      try {
        Files.deleteIfExists(segment.file().path());
      } catch (IOException ignored) {
        // an undeleted file is unreferenced and removed at the next start
      }
    }
    segments.clear();
    rows = newBuffer();
  }
}
