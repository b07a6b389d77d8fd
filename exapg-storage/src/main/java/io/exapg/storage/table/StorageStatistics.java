package io.exapg.storage.table;

import io.exapg.storage.format.ChunkMeta;
import io.exapg.storage.format.ColumnData;
import io.exapg.storage.format.RowGroupMeta;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.roaringbitmap.RoaringBitmap;

/** What a table snapshot holds on disk and in memory, per table and per column. */
public final class StorageStatistics {
  /** A table's containers and rows. */
  public record TableStats(int segments, long rows, long deletedRows, long bufferedRows,
      long storedBytes) {
  }

  /**
   * One column: rows stored (deleted ones included until compaction purges them), the size of
   * its values uncompressed, the bytes on disk, and the encodings its chunks use.
   */
  public record ColumnStats(String column, long rows, long rawBytes, long storedBytes,
      String encodings) {
  }

  private StorageStatistics() {
  }

  /**
   * How many partitions a partitioned table's segments hold, told by their zone maps (a
   * segment whose rows span partitions, written before the table was partitioned, counts as
   * one); null when the table is not partitioned.
   */
  public static Long partitions(TableSnapshot snapshot) {
    if (snapshot.table().partitioning() == null) {
      return null;
    }
    PartitionKeys keys = new PartitionKeys(snapshot.table());
    int column = snapshot.table().partitionColumn();
    Set<Long> seen = new HashSet<>();
    long mixed = 0;
    for (SegmentRef segment : snapshot.segments()) {
      RoaringBitmap deleted = snapshot.deletes(segment.id());
      if (deleted != null && deleted.getLongCardinality() >= segment.rowCount()) {
        continue;
      }
      Long key = segment.inMemory() ? null : keys.keyOf(segment.file().zone(column));
      if (key == null) {
        mixed++;
      } else {
        seen.add(key);
      }
    }
    return seen.size() + mixed;
  }

  public static TableStats table(TableSnapshot snapshot) {
    int segments = 0;
    long rows = 0;
    long deleted = 0;
    long buffered = 0;
    long stored = 0;
    for (SegmentRef segment : snapshot.segments()) {
      rows += segment.rowCount();
      RoaringBitmap deletes = snapshot.deletes(segment.id());
      deleted += deletes == null ? 0 : deletes.getLongCardinality();
      if (segment.inMemory()) {
        buffered += segment.rowCount();
      } else {
        segments++;
        stored += segment.file().meta().storedBytes();
      }
    }
    return new TableStats(segments, rows, deleted, buffered, stored);
  }

  public static List<ColumnStats> columns(TableSnapshot snapshot) {
    List<ColumnStats> columns = new ArrayList<>();
    for (int c = 0; c < snapshot.table().columns().size(); c++) {
      long rows = 0;
      long raw = 0;
      long stored = 0;
      TreeSet<String> encodings = new TreeSet<>();
      for (SegmentRef segment : snapshot.segments()) {
        rows += segment.rowCount();
        if (segment.inMemory()) {
          raw += rawBytes(segment.rows()[c]);
          encodings.add("in memory");
          continue;
        }
        for (RowGroupMeta group : segment.file().meta().rowGroups()) {
          ChunkMeta chunk = group.chunks().get(c);
          raw += chunk.rawBytes();
          stored += chunk.storedLength();
          encodings.add(chunk.encoding().name().toLowerCase(Locale.ROOT).replace('_', ' ')
              + (chunk.compressed() ? " + zstd" : ""));
        }
      }
      columns.add(new ColumnStats(snapshot.table().columns().get(c).name(), rows, raw, stored,
          String.join(", ", encodings)));
    }
    return columns;
  }

  private static long rawBytes(ColumnData data) {
    return switch (data.type().physical()) {
      case VARBINARY -> data.offsets()[data.size()] + 4L * data.size();
      case BIT -> (data.size() + 7) / 8;
      default -> (long) data.size() * data.type().physical().byteWidth();
    };
  }
}
