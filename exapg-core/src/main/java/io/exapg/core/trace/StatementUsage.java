package io.exapg.core.trace;

/**
 * What a statement used besides reading chunks: bytes sent to its client, bytes and files it
 * spilled to disk, and the time it waited for the commit lock, for admission and for the
 * write-ahead log's fsync.
 */
public record StatementUsage(long sentBytes, long spilledBytes, long spillFiles,
    long lockWaitNanos, long admissionWaitNanos, long walSyncNanos) {
  public static final StatementUsage NONE = new StatementUsage(0, 0, 0, 0, 0, 0);

  /** All three waits. */
  public long waitNanos() {
    return lockWaitNanos + admissionWaitNanos + walSyncNanos;
  }
}
