package io.exapg.storage.table;

import io.exapg.core.batch.Batch;
import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.storage.catalog.ColumnDef;
import io.exapg.storage.catalog.TableDef;
import io.exapg.storage.format.ColumnBuffer;
import io.exapg.storage.format.ColumnData;
import io.exapg.storage.format.SegmentFile;
import io.exapg.storage.io.DurableFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A transaction's uncommitted rows for one table, addressed like committed ones: whole
 * segments once there are enough rows, and the rest in an in-memory buffer with a container id
 * of its own. Full buffers are written out as segment files in the background (fsynced, but
 * attached only at commit) while appending goes on; at most two are in flight at a time.
 */
public final class PendingWrites {
  private static final int MAX_WRITES_IN_FLIGHT = 2;
  /** Rows left in the buffer at the end of a statement worth a segment of their own. */
  private static final int SEGMENT_WORTHY_ROWS = 4 * 65536;

  /** A full buffer: its rows, until its segment file is written. */
  private record Part(long id, ColumnData[] rows, CompletableFuture<SegmentFile> file) {
    SegmentRef ref() {
      SegmentFile written = file.isDone() && !file.isCompletedExceptionally() ? file.join()
          : null;
      return written != null ? SegmentRef.ofFile(id, written) : SegmentRef.inMemory(id, rows);
    }
  }

  private final TableStorage table;
  private final List<Part> parts = new ArrayList<>();
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
      writeBuffer();
    }
  }

  /** The end of a statement's appends: a large remainder goes out as a segment too. */
  public synchronized void finishStatement() {
    if (rows[0].size() >= SEGMENT_WORTHY_ROWS) {
      writeBuffer();
    }
  }

  /** Hands the buffer to a background writer and starts a new one. */
  private void writeBuffer() {
    int inFlight = 0;
    for (Part part : parts) {
      inFlight += part.file().isDone() ? 0 : 1;
    }
    for (int k = 0; k < parts.size() && inFlight >= MAX_WRITES_IN_FLIGHT; k++) {
      if (!parts.get(k).file().isDone()) {
        await(parts.get(k));
        inFlight--;
      }
    }
    ColumnData[] view = view();
    long id = bufferId;
    parts.add(new Part(id, view, table.writeSegmentInBackground(id, view)));
    rows = newBuffer();
    bufferId = table.allocateSegmentId();
  }

  private static SegmentFile await(Part part) {
    try {
      return part.file().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ExaException(SqlState.QUERY_CANCELED, "interrupted while writing a segment", e);
    } catch (ExecutionException e) {
      throw ExaException.wrap(e.getCause());
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

  /** The segments, once all are written; the first failure to write one is thrown. */
  public synchronized List<SegmentRef> segments() {
    List<SegmentRef> segments = new ArrayList<>();
    for (Part part : parts) {
      segments.add(SegmentRef.ofFile(part.id(), await(part)));
    }
    return segments;
  }

  /** Every pending row: segments (in memory while being written), then the buffer. */
  public synchronized List<SegmentRef> containers() {
    List<SegmentRef> all = new ArrayList<>();
    for (Part part : parts) {
      all.add(part.ref());
    }
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
    for (Part part : parts) {
      if (part.id() == segmentId) {
        return true;
      }
    }
    return false;
  }

  /** Throws the written segment files away (rollback), once their writers are done. */
  synchronized void discard() {
    for (Part part : parts) {
      SegmentFile file;
      try {
        file = part.file().get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        continue;
      } catch (ExecutionException e) {
        continue;
      }
      file.close();
      DurableFiles.deleteQuietly(file.path());
    }
    parts.clear();
    rows = newBuffer();
  }
}
