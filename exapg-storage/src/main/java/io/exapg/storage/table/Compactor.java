package io.exapg.storage.table;

import io.exapg.storage.catalog.TableDef;
import io.exapg.storage.format.ChunkCodec;
import io.exapg.storage.format.ChunkMeta;
import io.exapg.storage.format.ColumnBuffer;
import io.exapg.storage.format.ColumnData;
import io.exapg.storage.format.RowGroupMeta;
import io.exapg.storage.io.DurableFiles;
import java.util.List;
import org.roaringbitmap.RoaringBitmap;

/** Reads the live rows of the segments a compaction merges, in order. */
public final class Compactor {
  private Compactor() {
  }

  public static ColumnData[] liveRows(TableDef table, TableStorage.CompactionPlan plan) {
    int columns = table.columns().size();
    ColumnBuffer[] buffers = new ColumnBuffer[columns];
    for (int c = 0; c < columns; c++) {
      buffers[c] = new ColumnBuffer(table.columns().get(c).type());
    }
    ChunkCodec.Scratch scratch = new ChunkCodec.Scratch();
    for (SegmentRef segment : plan.segments()) {
      RoaringBitmap deleted = plan.deletes().get(segment.id());
      List<RowGroupMeta> groups = segment.file().meta().rowGroups();
      int start = 0;
      for (RowGroupMeta group : groups) {
        int rows = group.rowCount();
        for (int c = 0; c < columns; c++) {
          ChunkMeta chunk = group.chunks().get(c);
          ColumnData data = ChunkCodec.decode(segment.file().readChunk(chunk),
              chunk.encoding(), chunk.compressed(), chunk.payloadLength(),
              table.columns().get(c).type(), rows, scratch);
          appendLive(buffers[c], data, start, rows, deleted);
        }
        start += rows;
      }
    }
    ColumnData[] views = new ColumnData[columns];
    for (int c = 0; c < columns; c++) {
      views[c] = buffers[c].view();
    }
    return views;
  }

  /** Appends the rows of a row group that starts at position start and are not deleted. */
  private static void appendLive(ColumnBuffer buffer, ColumnData data, int start, int rows,
      RoaringBitmap deleted) {
    if (deleted == null || deleted.rangeCardinality(start, (long) start + rows) == 0) {
      buffer.append(data, 0, rows);
      return;
    }
    int from = 0;
    for (int k = 0; k < rows; k++) {
      if (deleted.contains(start + k)) {
        if (k > from) {
          buffer.append(data, from, k - from);
        }
        from = k + 1;
      }
    }
    if (rows > from) {
      buffer.append(data, from, rows - from);
    }
  }

}
