package io.exapg.storage;

/**
 * Storage settings.
 *
 * @param checkpointWalBytes write-ahead log size after which a checkpoint writes buffered rows
 *     out as segments and starts a new log
 * @param compactionIntervalMillis pause between background compaction rounds; 0 for none
 * @param chunkCacheBytes memory for the cache of recently read chunks (Tier 1)
 */
public record StorageOptions(long checkpointWalBytes, long compactionIntervalMillis,
    long chunkCacheBytes) {
  public static StorageOptions defaults() {
    return new StorageOptions(256L << 20, 10_000,
        Math.min(1L << 30, Runtime.getRuntime().maxMemory() / 8));
  }

  public StorageOptions withChunkCacheBytes(long bytes) {
    return new StorageOptions(checkpointWalBytes, compactionIntervalMillis, bytes);
  }
}
