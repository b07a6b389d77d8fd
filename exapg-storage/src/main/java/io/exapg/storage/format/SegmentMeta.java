package io.exapg.storage.format;

import io.exapg.core.type.DataType;
import java.util.List;

/** A segment's footer: the column types and the row groups. */
public record SegmentMeta(List<DataType> types, List<RowGroupMeta> rowGroups) {
  public SegmentMeta {
    types = List.copyOf(types);
    rowGroups = List.copyOf(rowGroups);
  }

  public long rowCount() {
    long rows = 0;
    for (RowGroupMeta group : rowGroups) {
      rows += group.rowCount();
    }
    return rows;
  }

  public long storedBytes() {
    long bytes = 0;
    for (RowGroupMeta group : rowGroups) {
      for (ChunkMeta chunk : group.chunks()) {
        bytes += chunk.storedLength();
      }
    }
    return bytes;
  }
}
