package io.exapg.storage.table;

import io.exapg.core.batch.Batch;
import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.core.type.DataType;
import io.exapg.storage.catalog.ColumnDef;
import io.exapg.storage.catalog.TableDef;
import io.exapg.storage.format.ColumnBuffer;
import io.exapg.storage.format.ColumnData;
import io.exapg.storage.format.SegmentFile;
import io.exapg.storage.io.DurableFiles;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A transaction's uncommitted rows for one table, addressed like committed ones: whole
 * segments once there are enough rows, and the rest in in-memory buffers with container ids
 * of their own. Full buffers are written out as segment files in the background (fsynced, but
 * attached only at commit) while appending goes on; at most two are in flight at a time.
 *
 * <p>A partitioned table's rows go to one buffer per partition, so that no segment mixes
 * partitions; together they hold at most {@link #PARTITIONED_BUFFER_ROWS} rows before the
 * largest is written out, and at commit all are written out as segments.
 */
public final class PendingWrites {
  /** Partitions one transaction may write into one table. */
  public static final int MAX_PARTITIONS = 4096;
  private static final int MAX_WRITES_IN_FLIGHT = 2;
  /** Rows left in the buffer at the end of a statement worth a segment of their own. */
  private static final int SEGMENT_WORTHY_ROWS = 4 * 65536;
  private static final int PARTITIONED_BUFFER_ROWS = 2 * TableStorage.FLUSH_ROWS;
  private static final long UNPARTITIONED = 0;

  /** A full buffer: its rows, until its segment file is written. */
  private record Part(long id, ColumnData[] rows, CompletableFuture<SegmentFile> file) {
    SegmentRef ref() {
      SegmentFile written = file.isDone() && !file.isCompletedExceptionally() ? file.join()
          : null;
      return written != null ? SegmentRef.ofFile(id, written) : SegmentRef.inMemory(id, rows);
    }
  }

  /** Rows of one partition (or of the whole table) not yet handed to a writer. */
  private record Buffer(long id, ColumnBuffer[] columns) {
    int size() {
      return columns[0].size();
    }

    ColumnData[] view() {
      ColumnData[] view = new ColumnData[columns.length];
      for (int c = 0; c < columns.length; c++) {
        view[c] = columns[c].view();
      }
      return view;
    }
  }

  private final TableStorage table;
  private final TableDef definition;
  private final PartitionKeys partitionKeys;
  private final PartitionGroups groups;
  private final List<Part> parts = new ArrayList<>();
  private final Map<Long, Buffer> buffers = new LinkedHashMap<>();
  private final Set<Long> partitions = new HashSet<>();
  private long[] rowKeys = new long[0];
  private long bufferedRows;
  /**
   * The string bytes of each column of the last buffer that filled up, or null while none
   * did: a bulk load, whose next buffers start at full size.
   */
  private int[] fullBufferBytes;

  PendingWrites(TableStorage table) {
    this.table = table;
    this.definition = table.table();
    boolean partitioned = definition.partitioning() != null;
    this.partitionKeys = partitioned ? new PartitionKeys(definition) : null;
    this.groups = partitioned ? new PartitionGroups() : null;
  }

  private Buffer newBuffer() {
    ColumnBuffer[] columns = new ColumnBuffer[definition.columns().size()];
    // partitions each have a buffer, mostly far from full: those grow as they fill
    boolean bulk = fullBufferBytes != null && partitionKeys == null;
    for (int c = 0; c < columns.length; c++) {
      DataType type = definition.columns().get(c).type();
      columns[c] = bulk ? new ColumnBuffer(type, TableStorage.FLUSH_ROWS,
          fullBufferBytes[c] + fullBufferBytes[c] / 8) : new ColumnBuffer(type);
    }
    return new Buffer(table.allocateSegmentId(), columns);
  }

  public TableStorage table() {
    return table;
  }

  public synchronized void append(Batch batch) {
    checkNotNull(batch);
    if (partitionKeys == null) {
      appendTo(UNPARTITIONED, batch);
      return;
    }
    if (rowKeys.length < batch.size()) {
      rowKeys = new long[Math.max(batch.size(), 1024)];
    }
    partitionKeys.keys(batch, rowKeys);
    groups.group(batch, rowKeys);
    for (int g = 0; g < groups.count(); g++) {
      long key = groups.key(g);
      if (!partitions.contains(key) && partitions.size() >= MAX_PARTITIONS) {
        throw new ExaException(SqlState.PROGRAM_LIMIT_EXCEEDED, "a transaction may write at"
            + " most " + MAX_PARTITIONS + " partitions of table " + definition.qualifiedName()
            + "; partition it by a coarser range");
      }
      partitions.add(key);
      appendTo(key, groups.select(batch, g));
    }
    while (bufferedRows > PARTITIONED_BUFFER_ROWS) {
      long largest = -1;
      int rows = -1;
      for (Map.Entry<Long, Buffer> entry : buffers.entrySet()) {
        if (entry.getValue().size() > rows) {
          largest = entry.getKey();
          rows = entry.getValue().size();
        }
      }
      writeBuffer(largest);
    }
  }

  private void appendTo(long key, Batch rows) {
    Buffer buffer = buffers.computeIfAbsent(key, k -> newBuffer());
    for (int c = 0; c < buffer.columns().length; c++) {
      buffer.columns()[c].append(rows, c);
    }
    bufferedRows += rows.size();
    if (buffer.size() >= TableStorage.FLUSH_ROWS) {
      writeBuffer(key);
    }
  }

  /** The end of a statement's appends: a large remainder goes out as a segment too. */
  public synchronized void finishStatement() {
    for (Map.Entry<Long, Buffer> entry : new ArrayList<>(buffers.entrySet())) {
      if (entry.getValue().size() >= SEGMENT_WORTHY_ROWS) {
        writeBuffer(entry.getKey());
      }
    }
  }

  /**
   * Before commit: a partitioned table's buffers go out as segments, since the table's shared
   * insert buffer would mix partitions.
   */
  public synchronized void prepareCommit() {
    if (partitionKeys != null) {
      for (long key : new ArrayList<>(buffers.keySet())) {
        writeBuffer(key);
      }
    }
  }

  /** Hands a buffer to a background writer; the partition's next rows start a new one. */
  private void writeBuffer(long key) {
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
    Buffer buffer = buffers.remove(key);
    if (buffer.size() >= TableStorage.FLUSH_ROWS) {
      fullBufferBytes = new int[buffer.columns().length];
      for (int c = 0; c < fullBufferBytes.length; c++) {
        fullBufferBytes[c] = buffer.columns()[c].stringBytes();
      }
    }
    ColumnData[] view = buffer.view();
    parts.add(new Part(buffer.id(), view, table.writeSegmentInBackground(buffer.id(), view)));
    bufferedRows -= buffer.size();
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
    List<ColumnDef> columns = definition.columns();
    for (int c = 0; c < columns.size(); c++) {
      if (columns.get(c).nullable() || batch.column(c).getNullCount() == 0) {
        continue;
      }
      for (int j = 0; j < batch.size(); j++) {
        if (batch.column(c).isNull(batch.row(j))) {
          throw new ExaException(SqlState.NOT_NULL_VIOLATION,
              "null value in column \"" + columns.get(c).name() + "\" of relation \""
                  + definition.name() + "\" violates not-null constraint");
        }
      }
    }
  }

  /** The rows of the (unpartitioned) buffer; none when there is no buffer. */
  public synchronized ColumnData[] view() {
    Buffer buffer = buffers.get(UNPARTITIONED);
    if (partitionKeys == null && buffer != null) {
      return buffer.view();
    }
    ColumnData[] empty = new ColumnData[definition.columns().size()];
    for (int c = 0; c < empty.length; c++) {
      empty[c] = new ColumnBuffer(definition.columns().get(c).type()).view();
    }
    return empty;
  }

  /** The container id of the (unpartitioned) buffer, or -1 when there is none. */
  public synchronized long bufferId() {
    Buffer buffer = buffers.get(UNPARTITIONED);
    return partitionKeys == null && buffer != null ? buffer.id() : -1;
  }

  /** The segments, once all are written; the first failure to write one is thrown. */
  public synchronized List<SegmentRef> segments() {
    List<SegmentRef> segments = new ArrayList<>();
    for (Part part : parts) {
      segments.add(SegmentRef.ofFile(part.id(), await(part)));
    }
    return segments;
  }

  /** Every pending row: segments (in memory while being written), then the buffers. */
  public synchronized List<SegmentRef> containers() {
    List<SegmentRef> all = new ArrayList<>();
    for (Part part : parts) {
      all.add(part.ref());
    }
    for (Buffer buffer : buffers.values()) {
      if (buffer.size() > 0) {
        all.add(SegmentRef.inMemory(buffer.id(), buffer.view()));
      }
    }
    return all;
  }

  /** Whether a container id is one of this transaction's own. */
  public synchronized boolean owns(long segmentId) {
    for (Buffer buffer : buffers.values()) {
      if (buffer.id() == segmentId) {
        return true;
      }
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
    buffers.clear();
    bufferedRows = 0;
  }
}
