package io.exapg.storage.table;

import io.exapg.storage.catalog.TableDef;
import io.exapg.storage.format.ColumnData;
import io.exapg.storage.format.SegmentFile;
import java.util.List;

/**
 * One version of a table: its segments and the rows of its insert buffer at the moment the
 * version was published. Immutable; a query reads one snapshot from start to end.
 */
public record TableSnapshot(TableDef table, List<SegmentFile> segments, ColumnData[] buffer) {
  public TableSnapshot {
    segments = List.copyOf(segments);
  }

  public int bufferRows() {
    return buffer.length == 0 ? 0 : buffer[0].size();
  }

  public long rowCount() {
    long rows = bufferRows();
    for (SegmentFile segment : segments) {
      rows += segment.meta().rowCount();
    }
    return rows;
  }
}
