package io.exapg.storage.table;

import io.exapg.storage.format.ColumnData;
import io.exapg.storage.io.ByteBoundedLru;
import io.exapg.storage.io.ChunkCache;

/**
 * The decoded values of recently scanned chunks, up to a byte budget, least recently used first
 * out: part of Tier 1 with the {@link ChunkCache} of stored bytes, so that a chunk scanned
 * again is neither decompressed nor unpacked. Entries are immutable and shared by threads.
 */
public final class DecodedChunkCache {
  private final ByteBoundedLru<ChunkCache.Key, ColumnData> entries;

  public DecodedChunkCache(long capacityBytes) {
    this.entries = new ByteBoundedLru<>(capacityBytes, ColumnData::memoryBytes);
  }

  /** Whether it keeps anything (a chunk cache of size 0 turns it off too). */
  public boolean enabled() {
    return entries.capacityBytes() > 0;
  }

  public ColumnData get(ChunkCache.Key key) {
    return entries.get(key);
  }

  public void put(ChunkCache.Key key, ColumnData data) {
    entries.put(key, data);
  }
}
