package io.exapg.core.trace;

import java.util.List;

/**
 * What one operator of a traced query did: its plan line, rows and batches produced, time in
 * it (summed over threads, without its inputs), the memory it held at most, and its inputs.
 */
public record OperatorTrace(String name, long rows, long batches, long selfNanos,
    long peakMemoryBytes, List<OperatorTrace> inputs) {
  public OperatorTrace {
    inputs = List.copyOf(inputs);
  }

  /** Its own time and its inputs', summed over threads. */
  public long totalNanos() {
    long total = selfNanos;
    for (OperatorTrace input : inputs) {
      total += input.totalNanos();
    }
    return total;
  }
}
