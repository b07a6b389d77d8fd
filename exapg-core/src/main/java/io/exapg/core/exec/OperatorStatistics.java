package io.exapg.core.exec;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one operator of a plan did, summed over all threads and pipelines it ran in: rows and
 * batches it produced, time spent in it (excluding the operators it pushed its rows to) and
 * the memory it held at most.
 */
public final class OperatorStatistics {
  private final LongAdder rows = new LongAdder();
  private final LongAdder batches = new LongAdder();
  private final LongAdder inclusiveNanos = new LongAdder();
  private final LongAdder downstreamNanos = new LongAdder();
  private final AtomicLong peakMemoryBytes = new AtomicLong();

  void addOutput(int batchRows) {
    rows.add(batchRows);
    batches.increment();
  }

  void addInclusiveNanos(long nanos) {
    inclusiveNanos.add(nanos);
  }

  void addDownstreamNanos(long nanos) {
    downstreamNanos.add(nanos);
  }

  void recordMemory(long bytes) {
    peakMemoryBytes.accumulateAndGet(bytes, Math::max);
  }

  public long rows() {
    return rows.sum();
  }

  public long batches() {
    return batches.sum();
  }

  /** Time in this operator itself, summed over threads. */
  public long nanos() {
    return Math.max(0, inclusiveNanos.sum() - downstreamNanos.sum());
  }

  public long peakMemoryBytes() {
    return peakMemoryBytes.get();
  }

  public String describe() {
    StringBuilder text = new StringBuilder();
    text.append("rows=").append(rows()).append(" batches=").append(batches())
        .append(String.format(java.util.Locale.ROOT, " time=%.3fms", nanos() / 1e6));
    long memory = peakMemoryBytes();
    if (memory >= 1 << 20) {
      text.append(String.format(java.util.Locale.ROOT, " memory=%.1fMB", memory / 1048576.0));
    } else if (memory > 0) {
      text.append(String.format(java.util.Locale.ROOT, " memory=%.1fkB", memory / 1024.0));
    }
    return text.toString();
  }
}
