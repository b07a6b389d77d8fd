package io.exapg.storage.table;

import io.exapg.storage.format.ColumnData;
import io.exapg.storage.format.SegmentFile;

/**
 * One container of a table's rows as a snapshot sees it: a segment file, or rows still held in
 * memory (the insert buffer, or a transaction's pending rows). A row keeps its position in its
 * container for life, so (id, position) names it; rows in memory keep id and positions when
 * they are written out as a file.
 *
 * @param file the segment file, or null while the rows are in memory
 * @param rows the rows in memory, or null for a file
 */
public record SegmentRef(long id, SegmentFile file, ColumnData[] rows, int rowCount) {
  public static SegmentRef ofFile(long id, SegmentFile file) {
    return new SegmentRef(id, file, null, Math.toIntExact(file.meta().rowCount()));
  }

  public static SegmentRef inMemory(long id, ColumnData[] rows) {
    return new SegmentRef(id, null, rows, rows.length == 0 ? 0 : rows[0].size());
  }

  public boolean inMemory() {
    return file == null;
  }

  /** A row id: the container id in the high 32 bits and the position in the low ones. */
  public static long rowId(long segmentId, int position) {
    return segmentId << 32 | (position & 0xFFFFFFFFL);
  }

  public static long segmentOf(long rowId) {
    return rowId >>> 32;
  }

  public static int positionOf(long rowId) {
    return (int) rowId;
  }
}
