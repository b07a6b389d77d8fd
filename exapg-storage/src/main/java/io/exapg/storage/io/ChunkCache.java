package io.exapg.storage.io;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tier 1 of ExaPG's I/O: the stored (compressed, checksum-verified) bytes of recently read
 * chunks, up to a byte budget, least recently used first out.
 */
public final class ChunkCache {
  /** A chunk: the opened segment file it is in (by a per-open id) and its offset. */
  public record Key(long fileId, long offset) {
  }

  private final long capacityBytes;
  private final LinkedHashMap<Key, byte[]> entries = new LinkedHashMap<>(1024, 0.75f, true);
  private long sizeBytes;

  public ChunkCache(long capacityBytes) {
    this.capacityBytes = capacityBytes;
  }

  public long capacityBytes() {
    return capacityBytes;
  }

  public synchronized byte[] get(Key key) {
    return entries.get(key);
  }

  public synchronized void put(Key key, byte[] chunk) {
    if (chunk.length > capacityBytes / 8) {
      return;
    }
    byte[] previous = entries.put(key, chunk);
    sizeBytes += chunk.length - (previous == null ? 0 : previous.length);
    var it = entries.entrySet().iterator();
    while (sizeBytes > capacityBytes && it.hasNext()) {
      Map.Entry<Key, byte[]> eldest = it.next();
      sizeBytes -= eldest.getValue().length;
      it.remove();
    }
  }

  public synchronized long sizeBytes() {
    return sizeBytes;
  }
}
