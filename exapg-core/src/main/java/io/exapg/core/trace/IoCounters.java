package io.exapg.core.trace;

import io.exapg.core.exec.IoTier;
import io.exapg.core.exec.ScanStatistics;
import java.util.Arrays;
import java.util.List;

/** Chunk reads, bytes and nanoseconds per I/O tier; immutable. */
public final class IoCounters {
  public static final IoCounters NONE = new IoCounters(new long[3], new long[3], new long[3]);

  private final long[] reads;
  private final long[] bytes;
  private final long[] nanos;

  private IoCounters(long[] reads, long[] bytes, long[] nanos) {
    this.reads = reads;
    this.bytes = bytes;
    this.nanos = nanos;
  }

  /** Counters as given: chunk reads, bytes and nanoseconds, each indexed by tier. */
  public static IoCounters of(long[] reads, long[] bytes, long[] nanos) {
    return new IoCounters(reads.clone(), bytes.clone(), nanos.clone());
  }

  /** The sum over a query's scans. */
  public static IoCounters of(List<ScanStatistics> scans) {
    int tiers = IoTier.values().length;
    long[] reads = new long[tiers];
    long[] bytes = new long[tiers];
    long[] nanos = new long[tiers];
    for (ScanStatistics scan : scans) {
      for (IoTier tier : IoTier.values()) {
        reads[tier.ordinal()] += scan.chunks(tier);
        bytes[tier.ordinal()] += scan.bytes(tier);
        nanos[tier.ordinal()] += scan.nanos(tier);
      }
    }
    return new IoCounters(reads, bytes, nanos);
  }

  /** One table column's reads in a scan. */
  public static IoCounters ofColumn(ScanStatistics scan, int column) {
    int tiers = IoTier.values().length;
    long[] reads = new long[tiers];
    long[] bytes = new long[tiers];
    long[] nanos = new long[tiers];
    for (IoTier tier : IoTier.values()) {
      reads[tier.ordinal()] = scan.chunks(column, tier);
      bytes[tier.ordinal()] = scan.bytes(column, tier);
      nanos[tier.ordinal()] = scan.nanos(column, tier);
    }
    return new IoCounters(reads, bytes, nanos);
  }

  public IoCounters plus(IoCounters other) {
    long[] r = reads.clone();
    long[] b = bytes.clone();
    long[] n = nanos.clone();
    for (int t = 0; t < r.length; t++) {
      r[t] += other.reads[t];
      b[t] += other.bytes[t];
      n[t] += other.nanos[t];
    }
    return new IoCounters(r, b, n);
  }

  public long reads(IoTier tier) {
    return reads[tier.ordinal()];
  }

  public long bytes(IoTier tier) {
    return bytes[tier.ordinal()];
  }

  public long nanos(IoTier tier) {
    return nanos[tier.ordinal()];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IoCounters other && Arrays.equals(reads, other.reads)
        && Arrays.equals(bytes, other.bytes) && Arrays.equals(nanos, other.nanos);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(reads) * 31 + Arrays.hashCode(bytes);
  }
}
