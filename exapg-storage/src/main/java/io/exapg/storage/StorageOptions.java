package io.exapg.storage;

/**
 * Storage settings.
 *
 * @param checkpointWalBytes write-ahead log size after which a checkpoint writes buffered rows
 *     out as segments and starts a new log
 * @param compactionIntervalMillis pause between background compaction rounds; 0 for none
 */
public record StorageOptions(long checkpointWalBytes, long compactionIntervalMillis) {
  public static StorageOptions defaults() {
    return new StorageOptions(256L << 20, 10_000);
  }
}
