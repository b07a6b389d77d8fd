package io.exapg.storage.io;

/**
 * Tier 1 of ExaPG's I/O: the stored (compressed, checksum-verified) bytes of recently read
 * chunks, up to a byte budget, least recently used first out.
 */
public final class ChunkCache {
  /** A chunk: the opened segment file it is in (by a per-open id) and its offset. */
  public record Key(long fileId, long offset) {
  }

  private final ByteBoundedLru<Key, byte[]> entries;

  public ChunkCache(long capacityBytes) {
    this.entries = new ByteBoundedLru<>(capacityBytes, chunk -> chunk.length);
  }

  public long capacityBytes() {
    return entries.capacityBytes();
  }

  public byte[] get(Key key) {
    return entries.get(key);
  }

  public void put(Key key, byte[] chunk) {
    entries.put(key, chunk);
  }

  public long sizeBytes() {
    return entries.sizeBytes();
  }
}
