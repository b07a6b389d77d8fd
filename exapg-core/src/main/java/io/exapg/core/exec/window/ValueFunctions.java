package io.exapg.core.exec.window;

import io.exapg.core.batch.Vectors;
import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.core.exec.hash.ValueWriter;
import io.exapg.core.plan.WindowCall;
import io.exapg.core.plan.WindowFunction;
import io.exapg.core.type.PhysicalType;
import org.apache.arrow.vector.FieldVector;

/** LAG, LEAD, FIRST_VALUE, LAST_VALUE and NTH_VALUE: the value of another row, copied. */
final class ValueFunctions {
  private ValueFunctions() {
  }

  static void compute(WindowCall call, FieldVector[] rows, WindowOrdering ordering,
      WindowFrames frames, WindowRanges ranges, FieldVector out) {
    int n = ordering.rowCount;
    int[] source = new int[n];
    if (call.function() == WindowFunction.NTH_VALUE && call.constant() <= 0) {
      throw new ExaException(SqlState.INVALID_ARGUMENT_FOR_NTH_VALUE,
          "argument of nth_value must be greater than zero");
    }
    ranges.forEach((from, to) -> sources(call, ordering, frames, source, from, to));
    Object defaultValue = call.defaultValue() == null ? null : call.defaultValue().value();
    if (defaultValue == null) {
      copyFromPositions(rows[call.argument()], ordering, source, out);
    } else if (call.resultType().physical() == PhysicalType.VARBINARY) {
      // Variable-width values must be written in row order, so each row is written once.
      for (int p = 0; p < n; p++) {
        if (source[p] < 0) {
          ValueWriter.setObject(out, p, defaultValue);
        } else {
          Vectors.copyRange(rows[call.argument()], ordering.order[source[p]], 1, out, p);
        }
      }
    } else {
      copyFromPositions(rows[call.argument()], ordering, source, out);
      for (int p = 0; p < n; p++) {
        if (source[p] < 0) {
          ValueWriter.setObject(out, p, defaultValue);
        }
      }
    }
  }

  /** The sorted position whose value each position in [from, to) takes, or -1 for NULL. */
  private static void sources(WindowCall call, WindowOrdering ordering, WindowFrames frames,
      int[] source, int from, int to) {
    switch (call.function()) {
      case LAG, LEAD -> {
        long offset = call.function() == WindowFunction.LAG ? -call.constant() : call.constant();
        for (int p = from; p < to; p++) {
          long q = p + offset;
          source[p] = q >= ordering.partitionStart[p] && q < ordering.partitionEnd[p]
              ? (int) q : -1;
        }
      }
      case FIRST_VALUE -> {
        for (int p = from; p < to; p++) {
          source[p] = frames.start[p] < frames.end[p] ? frames.start[p] : -1;
        }
      }
      case LAST_VALUE -> {
        for (int p = from; p < to; p++) {
          source[p] = frames.start[p] < frames.end[p] ? frames.end[p] - 1 : -1;
        }
      }
      case NTH_VALUE -> {
        for (int p = from; p < to; p++) {
          long q = frames.start[p] + call.constant() - 1;
          source[p] = q < frames.end[p] ? (int) q : -1;
        }
      }
      default -> throw new IllegalArgumentException(call.function().name());
    }
  }

  /**
   * out[p] = the column's value at sorted position positions[p], or NULL where that is -1.
   * Used also for MIN and MAX, which find the position of their value.
   */
  static void copyFromPositions(FieldVector column, WindowOrdering ordering, int[] positions,
      FieldVector out) {
    int n = positions.length;
    if (n == 0) {
      return;
    }
    int[] rows = new int[n];
    for (int p = 0; p < n; p++) {
      rows[p] = positions[p] < 0 ? 0 : ordering.order[positions[p]];
    }
    Vectors.gather(column, rows, n, out, 0);
    for (int p = 0; p < n; p++) {
      if (positions[p] < 0) {
        ValueWriter.setNull(out, p);
      }
    }
  }
}
