package io.exapg.storage.table;

import io.exapg.storage.format.ColumnData;
import io.exapg.storage.io.ChunkCache;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The decoded values of recently scanned chunks, up to a byte budget, least recently used first
 * out: part of Tier 1 with the {@link ChunkCache} of stored bytes, so that a chunk scanned
 * again is neither decompressed nor unpacked. Entries are immutable and shared by threads.
 */
public final class DecodedChunkCache {
  private final long capacityBytes;
  private final LinkedHashMap<ChunkCache.Key, ColumnData> entries =
      new LinkedHashMap<>(1024, 0.75f, true);
  private long sizeBytes;

  public DecodedChunkCache(long capacityBytes) {
    this.capacityBytes = capacityBytes;
  }

  /** Whether it keeps anything (a chunk cache of size 0 turns it off too). */
  public boolean enabled() {
    return capacityBytes > 0;
  }

  public synchronized ColumnData get(ChunkCache.Key key) {
    return entries.get(key);
  }

  public synchronized void put(ChunkCache.Key key, ColumnData data) {
    long bytes = data.memoryBytes();
    if (bytes > capacityBytes / 8) {
      return;
    }
    ColumnData previous = entries.put(key, data);
    sizeBytes += bytes - (previous == null ? 0 : previous.memoryBytes());
    var it = entries.entrySet().iterator();
    while (sizeBytes > capacityBytes && it.hasNext()) {
      Map.Entry<ChunkCache.Key, ColumnData> eldest = it.next();
      sizeBytes -= eldest.getValue().memoryBytes();
      it.remove();
    }
  }

  public synchronized long sizeBytes() {
    return sizeBytes;
  }
}
