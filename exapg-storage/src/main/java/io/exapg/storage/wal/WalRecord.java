package io.exapg.storage.wal;

/** One record of the write-ahead log: its sequence number, type and payload. */
public record WalRecord(long lsn, int type, byte[] payload) {
  /** A committed transaction's writes (see {@link CommitRecord}). */
  public static final int COMMIT = 1;
  /** Segments of a table merged into one (see {@link CompactionRecord}). */
  public static final int COMPACTION = 2;
  /**
   * The commit of a transaction block that changed the catalog: the block's catalog journal id
   * (8 bytes) followed by a {@link CommitRecord}. Its presence in the log decides, after a
   * crash, whether the catalog keeps the block's changes.
   */
  public static final int SCHEMA_COMMIT = 3;
}
