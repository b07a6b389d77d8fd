package io.exapg.storage.table;

import io.exapg.storage.format.ColumnData;
import io.exapg.storage.format.StringDictionary;
import io.exapg.storage.io.ByteBoundedLru;
import io.exapg.storage.io.ChunkCache;

/**
 * The decoded values of recently scanned chunks, up to a byte budget, least recently used first
 * out: part of Tier 1 with the {@link ChunkCache} of stored bytes, so that a chunk scanned
 * again is neither decompressed nor unpacked. Dictionary-encoded string chunks are also kept
 * as their dictionary and codes, in a quarter of the budget, so that predicates on them are
 * still checked once per entry rather than once per row. Entries are immutable and shared by
 * threads.
 */
public final class DecodedChunkCache {
  private final ByteBoundedLru<ChunkCache.Key, ColumnData> entries;
  private final ByteBoundedLru<ChunkCache.Key, StringDictionary> dictionaries;

  public DecodedChunkCache(long capacityBytes) {
    this.entries = new ByteBoundedLru<>(capacityBytes - capacityBytes / 4,
        ColumnData::memoryBytes);
    this.dictionaries = new ByteBoundedLru<>(capacityBytes / 4, StringDictionary::memoryBytes);
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

  public StringDictionary dictionary(ChunkCache.Key key) {
    return dictionaries.get(key);
  }

  public void putDictionary(ChunkCache.Key key, StringDictionary dictionary) {
    dictionaries.put(key, dictionary);
  }
}
