package io.exapg.storage.table;

import io.exapg.storage.catalog.TableDef;
import java.util.List;
import java.util.Map;
import org.roaringbitmap.RoaringBitmap;

/**
 * One committed version of a table: its containers of rows and, per container id, the
 * positions deleted. Immutable, bitmaps included; a transaction reads one snapshot throughout.
 */
public record TableSnapshot(TableDef table, List<SegmentRef> segments,
    Map<Long, RoaringBitmap> deletes) {
  public TableSnapshot {
    segments = List.copyOf(segments);
    deletes = Map.copyOf(deletes);
  }

  public static TableSnapshot empty(TableDef table) {
    return new TableSnapshot(table, List.of(), Map.of());
  }

  /** The deleted positions of a container, or null when none are. */
  public RoaringBitmap deletes(long segmentId) {
    return deletes.get(segmentId);
  }

  public SegmentRef segment(long segmentId) {
    for (SegmentRef segment : segments) {
      if (segment.id() == segmentId) {
        return segment;
      }
    }
    return null;
  }

  /** Rows not deleted. */
  public long rowCount() {
    long rows = 0;
    for (SegmentRef segment : segments) {
      RoaringBitmap deleted = deletes.get(segment.id());
      rows += segment.rowCount() - (deleted == null ? 0 : deleted.getLongCardinality());
    }
    return rows;
  }
}
