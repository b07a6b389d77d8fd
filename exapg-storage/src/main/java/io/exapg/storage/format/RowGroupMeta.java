package io.exapg.storage.format;

import java.util.List;

/** One row group of a segment: its row count and one chunk per column. */
public record RowGroupMeta(int rowCount, List<ChunkMeta> chunks) {
  public RowGroupMeta {
    chunks = List.copyOf(chunks);
  }
}
