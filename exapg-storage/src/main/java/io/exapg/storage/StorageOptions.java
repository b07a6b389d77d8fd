package io.exapg.storage;

/**
 * Storage settings.
 *
 * @param checkpointWalBytes write-ahead log size after which a checkpoint writes buffered rows
 *     out as segments and starts a new log
 */
public record StorageOptions(long checkpointWalBytes) {
  public static StorageOptions defaults() {
    return new StorageOptions(256L << 20);
  }
}
