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
import io.exapg.storage.format.SegmentFile;
import io.exapg.storage.format.SegmentWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * Scans a table snapshot (plus the running transaction's own pending rows): one morsel per
 * segment row group and per 64K buffered rows. Row groups whose zone maps rule out the scan's
 * predicates are skipped; the rest are read, checked and decoded straight into Arrow vectors.
 */
final class TableScanSource implements Source {
  private static final ThreadLocal<ChunkCodec.Scratch> SCRATCH =
      ThreadLocal.withInitial(ChunkCodec.Scratch::new);

  /** A row group of a segment, or a range of heap rows. */
  private record Morsel(SegmentFile segment, int rowGroup, ColumnData[] rows, int from,
      int count) {
  }

  private final ScanNode node;
  private final List<Morsel> morsels = new ArrayList<>();

  TableScanSource(ScanNode node, TableSnapshot snapshot, PendingWrites pending) {
    this.node = node;
    addSegments(snapshot.segments());
    addRows(snapshot.buffer());
    if (pending != null) {
      addSegments(pending.segments());
      addRows(pending.view());
    }
  }

  private void addSegments(List<SegmentFile> segments) {
    for (SegmentFile segment : segments) {
      for (int g = 0; g < segment.meta().rowGroups().size(); g++) {
        morsels.add(new Morsel(segment, g, null, 0, 0));
      }
    }
  }

  private void addRows(ColumnData[] rows) {
    int total = rows.length == 0 ? 0 : rows[0].size();
    for (int from = 0; from < total; from += SegmentWriter.ROW_GROUP_ROWS) {
      morsels.add(new Morsel(null, 0, rows, from,
          Math.min(SegmentWriter.ROW_GROUP_ROWS, total - from)));
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
    List<DataType> types = node.outputTypes();
    List<Integer> columns = node.columns();
    if (morsel.segment() != null) {
      RowGroupMeta group = morsel.segment().meta().rowGroups().get(morsel.rowGroup());
      if (!mayMatch(group, query.parameters())) {
        query.statistics().skipped();
        return;
      }
      int rows = group.rowCount();
      FieldVector[] vectors = Vectors.allocate(types, query.allocator(), rows);
      try {
        long bytes = 0;
        ChunkCodec.Scratch scratch = SCRATCH.get();
        for (int k = 0; k < columns.size(); k++) {
          ChunkMeta chunk = group.chunks().get(columns.get(k));
          byte[] stored = morsel.segment().readChunk(chunk);
          bytes += stored.length;
          ColumnData data = ChunkCodec.decode(stored, chunk.encoding(), chunk.compressed(),
              chunk.payloadLength(), types.get(k), rows, scratch);
          data.copyTo(vectors[k], 0, rows);
        }
        Vectors.setValueCount(vectors, rows);
        query.statistics().scanned(rows, bytes);
        sink.push(Batch.of(vectors, rows));
      } finally {
        Vectors.close(vectors);
      }
      return;
    }
    int rows = morsel.count();
    FieldVector[] vectors = Vectors.allocate(types, query.allocator(), rows);
    try {
      for (int k = 0; k < columns.size(); k++) {
        morsel.rows()[columns.get(k)].copyTo(vectors[k], morsel.from(), rows);
      }
      Vectors.setValueCount(vectors, rows);
      query.statistics().scanned(rows, 0);
      sink.push(Batch.of(vectors, rows));
    } finally {
      Vectors.close(vectors);
    }
  }

  private boolean mayMatch(RowGroupMeta group, Object[] parameters) {
    for (ScanPredicate predicate : node.predicates()) {
      int tableColumn = node.columns().get(predicate.column());
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
