package io.exapg.core.exec;

import java.util.concurrent.atomic.AtomicLong;

/** Counters of one query's execution, for EXPLAIN ANALYZE and, later, its trace. */
public final class QueryStatistics {
  private final AtomicLong rowsScanned = new AtomicLong();
  private final AtomicLong morselsRead = new AtomicLong();
  private final AtomicLong morselsSkipped = new AtomicLong();
  private final AtomicLong bytesRead = new AtomicLong();

  public void scanned(long rows, long bytes) {
    rowsScanned.addAndGet(rows);
    bytesRead.addAndGet(bytes);
    morselsRead.incrementAndGet();
  }

  public void skipped() {
    morselsSkipped.incrementAndGet();
  }

  public long rowsScanned() {
    return rowsScanned.get();
  }

  public long morselsRead() {
    return morselsRead.get();
  }

  public long morselsSkipped() {
    return morselsSkipped.get();
  }

  public long bytesRead() {
    return bytesRead.get();
  }
}
