package io.exapg.core.trace;

import java.util.Arrays;

/**
 * The calls of one statement fingerprint so far: count, total and longest time, rows, I/O per
 * tier, and the durations of the latest calls for the 95th percentile. Guarded by its
 * QueryLog.
 */
public final class StatementStatistics {
  /** How many of the latest durations the 95th percentile is taken over. */
  public static final int PERCENTILE_WINDOW = 1024;

  private final long fingerprint;
  private final String query;
  private long calls;
  private long totalNanos;
  private long maxNanos;
  private long rows;
  private IoCounters io = IoCounters.NONE;
  private final long[] latest = new long[PERCENTILE_WINDOW];

  StatementStatistics(long fingerprint, String query) {
    this.fingerprint = fingerprint;
    this.query = query;
  }

  void add(QueryRecord record) {
    latest[(int) (calls % PERCENTILE_WINDOW)] = record.durationNanos();
    calls++;
    totalNanos += record.durationNanos();
    maxNanos = Math.max(maxNanos, record.durationNanos());
    rows += record.rows();
    io = io.plus(record.io());
  }

  /** An immutable copy for a system table to show. */
  Snapshot snapshot() {
    long[] window = Arrays.copyOf(latest, (int) Math.min(calls, PERCENTILE_WINDOW));
    Arrays.sort(window);
    long p95 = window.length == 0 ? 0
        : window[Math.min(window.length - 1, (int) Math.ceil(window.length * 0.95) - 1)];
    return new Snapshot(fingerprint, query, calls, totalNanos, maxNanos, p95, rows, io);
  }

  /** One fingerprint's figures at one moment. */
  public record Snapshot(long fingerprint, String query, long calls, long totalNanos,
      long maxNanos, long p95Nanos, long rows, IoCounters io) {
    public double totalMillis() {
      return totalNanos / 1_000_000.0;
    }

    public double meanMillis() {
      return calls == 0 ? 0 : totalNanos / 1_000_000.0 / calls;
    }

    public double maxMillis() {
      return maxNanos / 1_000_000.0;
    }

    public double p95Millis() {
      return p95Nanos / 1_000_000.0;
    }
  }
}
