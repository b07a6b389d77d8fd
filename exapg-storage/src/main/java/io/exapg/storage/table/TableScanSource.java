package io.exapg.storage.table;

import io.exapg.core.batch.Batch;
import io.exapg.core.batch.Vectors;
import io.exapg.core.exec.BatchSink;
import io.exapg.core.exec.QueryContext;
import io.exapg.core.exec.Source;
import io.exapg.core.exec.TaskContext;
import io.exapg.core.plan.ScanNode;
import io.exapg.core.plan.ScanPredicate;
import io.exapg.core.type.DataType;
import io.exapg.storage.format.ChunkCodec;
import io.exapg.storage.format.ChunkMeta;
import io.exapg.storage.format.ColumnData;
import io.exapg.storage.format.RowGroupMeta;
import io.exapg.storage.format.SegmentWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.roaringbitmap.PeekableIntIterator;
import org.roaringbitmap.RoaringBitmap;

/**
 * Scans the containers of a table snapshot (plus the running transaction's own rows): one
 * morsel per segment row group and per 64K rows in memory. Row groups whose zone maps rule out
 * the scan's predicates are skipped; the rest are read, checked and decoded straight into
 * Arrow vectors, and deleted rows are left out through the batch's selection.
 */
final class TableScanSource implements Source {
  private static final ThreadLocal<ChunkCodec.Scratch> SCRATCH =
      ThreadLocal.withInitial(ChunkCodec.Scratch::new);

  /** Rows [start, start + count) of a container; rowGroup is -1 for rows in memory. */
  private record Morsel(SegmentRef segment, int rowGroup, int start, int count) {
  }

  private final ScanNode node;
  private final Map<Long, RoaringBitmap> deletes;
  private final List<Morsel> morsels = new ArrayList<>();

  /** @param deletes deleted positions by container id; never changed while the scan runs */
  TableScanSource(ScanNode node, List<SegmentRef> segments, Map<Long, RoaringBitmap> deletes) {
    this.node = node;
    this.deletes = deletes;
    for (SegmentRef segment : segments) {
      if (segment.inMemory()) {
        for (int from = 0; from < segment.rowCount(); from += SegmentWriter.ROW_GROUP_ROWS) {
          morsels.add(new Morsel(segment, -1, from,
              Math.min(SegmentWriter.ROW_GROUP_ROWS, segment.rowCount() - from)));
        }
      } else {
        int start = 0;
        List<RowGroupMeta> groups = segment.file().meta().rowGroups();
        for (int g = 0; g < groups.size(); g++) {
          morsels.add(new Morsel(segment, g, start, groups.get(g).rowCount()));
          start += groups.get(g).rowCount();
        }
      }
    }
  }

  @Override
  public int morselCount() {
    return morsels.size();
  }

  @Override
  public void produce(int index, TaskContext task, BatchSink sink) {
    Morsel morsel = morsels.get(index);
    QueryContext query = task.query();
    RowGroupMeta group = morsel.rowGroup() < 0 ? null
        : morsel.segment().file().meta().rowGroups().get(morsel.rowGroup());
    if (group != null && !mayMatch(group, query.parameters())) {
      query.statistics().skipped();
      return;
    }
    int rows = morsel.count();
    RoaringBitmap deleted = deletes.get(morsel.segment().id());
    int[] live = null;
    int liveCount = rows;
    if (deleted != null) {
      int deletedCount = (int) deleted.rangeCardinality(morsel.start(),
          (long) morsel.start() + rows);
      if (deletedCount == rows) {
        return;
      }
      if (deletedCount > 0) {
        live = livePositions(deleted, morsel.start(), rows, rows - deletedCount);
        liveCount = live.length;
      }
    }
    List<DataType> types = node.outputTypes();
    FieldVector[] vectors = Vectors.allocate(types, query.allocator(), rows);
    try {
      long bytes = group == null ? 0 : decode(morsel, group, vectors);
      List<Integer> columns = node.columns();
      for (int k = 0; k < columns.size(); k++) {
        int column = columns.get(k);
        if (column == ScanNode.ROW_ID) {
          fillRowIds((BigIntVector) vectors[k], morsel);
        } else if (group == null) {
          morsel.segment().rows()[column].copyTo(vectors[k], morsel.start(), rows);
        }
      }
      Vectors.setValueCount(vectors, rows);
      query.statistics().scanned(liveCount, bytes);
      sink.push(live == null ? Batch.of(vectors, rows)
          : Batch.selected(vectors, rows, live, liveCount));
    } finally {
      Vectors.close(vectors);
    }
  }

  /** Decodes the chunks of a row group's stored columns; returns the bytes read. */
  private long decode(Morsel morsel, RowGroupMeta group, FieldVector[] vectors) {
    List<Integer> columns = node.columns();
    List<DataType> types = node.outputTypes();
    ChunkCodec.Scratch scratch = SCRATCH.get();
    long bytes = 0;
    for (int k = 0; k < columns.size(); k++) {
      int column = columns.get(k);
      if (column == ScanNode.ROW_ID) {
        continue;
      }
      ChunkMeta chunk = group.chunks().get(column);
      byte[] stored = morsel.segment().file().readChunk(chunk);
      bytes += stored.length;
      ColumnData data = ChunkCodec.decode(stored, chunk.encoding(), chunk.compressed(),
          chunk.payloadLength(), types.get(k), group.rowCount(), scratch);
      data.copyTo(vectors[k], 0, group.rowCount());
    }
    return bytes;
  }

  private static int[] livePositions(RoaringBitmap deleted, int start, int rows, int count) {
    int[] live = new int[count];
    PeekableIntIterator next = deleted.getIntIterator();
    next.advanceIfNeeded(start);
    int j = 0;
    for (int k = 0; k < rows; k++) {
      int position = start + k;
      while (next.hasNext() && next.peekNext() < position) {
        next.next();
      }
      if (next.hasNext() && next.peekNext() == position) {
        continue;
      }
      live[j++] = k;
    }
    return live;
  }

  private static void fillRowIds(BigIntVector vector, Morsel morsel) {
    long base = SegmentRef.rowId(morsel.segment().id(), morsel.start());
    for (int k = 0; k < morsel.count(); k++) {
      vector.set(k, base + k);
    }
  }

  private boolean mayMatch(RowGroupMeta group, Object[] parameters) {
    for (ScanPredicate predicate : node.predicates()) {
      int tableColumn = node.columns().get(predicate.column());
      if (tableColumn == ScanNode.ROW_ID) {
        continue;
      }
      ChunkMeta chunk = group.chunks().get(tableColumn);
      if (!ZonePruner.mayMatch(predicate, chunk.zoneMap(),
          node.outputTypes().get(predicate.column()).physical(), parameters)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String describe() {
    return "scan " + node.tableName();
  }
}
