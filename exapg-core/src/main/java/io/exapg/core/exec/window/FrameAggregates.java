package io.exapg.core.exec.window;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.core.exec.hash.ValueWriter;
import io.exapg.core.exec.sort.RowComparator;
import io.exapg.core.plan.SortKey;
import io.exapg.core.plan.WindowCall;
import io.exapg.core.plan.WindowFunction;
import io.exapg.core.type.Decimals;
import io.exapg.core.type.TypeId;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * COUNT, SUM, AVG, MIN and MAX over each position's frame. Exact sums use prefix sums, so any
 * frame costs O(1); floating point sums add rows as the frame's end advances and start over
 * when its start moves, adding in the same order as PostgreSQL; MIN and MAX keep a monotonic
 * queue of candidate positions, since frame bounds never move backwards.
 */
final class FrameAggregates {
  private FrameAggregates() {
  }

  static void compute(WindowCall call, FieldVector[] rows, WindowOrdering ordering,
      WindowFrames frames, WindowRanges ranges, FieldVector out) {
    switch (call.function()) {
      case COUNT_STAR -> ranges.forEach((from, to) -> {
        for (int p = from; p < to; p++) {
          ValueWriter.setLong(out, p, Math.max(0, frames.end[p] - frames.start[p]));
        }
      });
      case COUNT -> {
        long[] counts = prefixCounts(SortedColumn.ofNulls(rows, call.argument(), ordering));
        ranges.forEach((from, to) -> {
          for (int p = from; p < to; p++) {
            ValueWriter.setLong(out, p, frameCount(counts, frames, p));
          }
        });
      }
      case SUM, SUM0, AVG -> {
        if (call.argumentType().isExactNumeric()) {
          exactSum(call, SortedColumn.ofLongs(rows, call.argument(), ordering), frames, ranges,
              out);
        } else {
          SortedColumn column = SortedColumn.ofDoubles(rows, call.argument(), ordering);
          ranges.forEach((from, to) -> floatingSum(call, column, frames, out, from, to));
        }
      }
      case MIN, MAX -> extreme(call, rows, ordering, frames, ranges, out);
      default -> throw new IllegalArgumentException(call.function().name());
    }
  }

  private static long[] prefixCounts(SortedColumn column) {
    long[] counts = new long[column.nulls.length + 1];
    for (int p = 0; p < column.nulls.length; p++) {
      counts[p + 1] = counts[p] + (column.nulls[p] ? 0 : 1);
    }
    return counts;
  }

  private static long frameCount(long[] prefix, WindowFrames frames, int p) {
    return frames.end[p] <= frames.start[p] ? 0 : prefix[frames.end[p]] - prefix[frames.start[p]];
  }

  private static void exactSum(WindowCall call, SortedColumn column, WindowFrames frames,
      WindowRanges ranges, FieldVector out) {
    int n = column.nulls.length;
    long[] sums = new long[n + 1];
    try {
      for (int p = 0; p < n; p++) {
        sums[p + 1] = column.nulls[p] ? sums[p] : Math.addExact(sums[p], column.longs[p]);
      }
    } catch (ArithmeticException e) {
      throw overflow(call);
    }
    long[] counts = prefixCounts(column);
    int inputScale = call.argumentType().decimalScale();
    int resultScale = call.resultType().decimalScale();
    ranges.forEach((from, to) -> {
      for (int p = from; p < to; p++) {
        long count = frameCount(counts, frames, p);
        if (count == 0) {
          writeEmpty(call, out, p);
          continue;
        }
        long sum = sums[frames.end[p]] - sums[frames.start[p]];
        if (call.function() != WindowFunction.AVG) {
          ValueWriter.setLong(out, p, Decimals.rescale(sum, inputScale, resultScale));
        } else if (call.resultType().id() == TypeId.DECIMAL) {
          ValueWriter.setLong(out, p, Decimals.divide(sum, inputScale, count, 0, resultScale));
        } else {
          ValueWriter.setDouble(out, p,
              (double) sum / count / Decimals.powerOfTen(inputScale));
        }
      }
    });
  }

  /**
   * Positions [from, to): the running sum starts over at from, and adds the frame's rows in
   * the same order as a run from position 0 would.
   */
  private static void floatingSum(WindowCall call, SortedColumn column, WindowFrames frames,
      FieldVector out, int from, int to) {
    int start = -1;
    int end = -1;
    double sum = 0;
    long count = 0;
    for (int p = from; p < to; p++) {
      int first = frames.start[p];
      int limit = Math.max(first, frames.end[p]);
      if (first != start || limit < end) {
        start = first;
        end = first;
        sum = 0;
        count = 0;
      }
      for (; end < limit; end++) {
        if (!column.nulls[end]) {
          sum += column.doubles[end];
          count++;
        }
      }
      if (count == 0) {
        writeEmpty(call, out, p);
      } else {
        ValueWriter.setDouble(out, p, call.function() == WindowFunction.AVG ? sum / count : sum);
      }
    }
  }

  private static void writeEmpty(WindowCall call, FieldVector out, int p) {
    if (call.function() == WindowFunction.SUM0) {
      ValueWriter.setObject(out, p, call.resultType().isExactNumeric() ? (Object) 0L : 0.0);
    } else {
      ValueWriter.setNull(out, p);
    }
  }

  private static void extreme(WindowCall call, FieldVector[] rows, WindowOrdering ordering,
      WindowFrames frames, WindowRanges ranges, FieldVector out) {
    int n = ordering.rowCount;
    boolean[] nulls = SortedColumn.ofNulls(rows, call.argument(), ordering).nulls;
    RowComparator values = new RowComparator(rows,
        List.of(new SortKey(call.argument(), false, false)), n);
    int sign = call.function() == WindowFunction.MIN ? 1 : -1;
    int[] best = new int[n];
    ranges.forEach((from, to) -> best(values, ordering.order, nulls, sign, frames, best, from,
        to));
    ValueFunctions.copyFromPositions(rows[call.argument()], ordering, best, out);
  }

  /**
   * For positions [from, to), the position of the frame's smallest (sign 1) or largest (-1)
   * non-null value, or -1: a queue of candidates whose values rise (fall) from head to tail.
   * Rows before from's frame start are in no later frame either, so the queue starts there.
   */
  private static void best(RowComparator values, int[] order, boolean[] nulls, int sign,
      WindowFrames frames, int[] best, int from, int to) {
    int[] queue = new int[from < to
        ? Math.max(0, frames.end[to - 1] - frames.start[from]) + 1 : 0];
    int head = 0;
    int tail = 0;
    int pushed = from < to ? frames.start[from] : 0;
    for (int p = from; p < to; p++) {
      for (; pushed < frames.end[p]; pushed++) {
        if (nulls[pushed]) {
          continue;
        }
        while (tail > head && sign * values.compare(order[queue[tail - 1]], order[pushed]) > 0) {
          tail--;
        }
        queue[tail++] = pushed;
      }
      while (tail > head && queue[head] < frames.start[p]) {
        head++;
      }
      best[p] = tail > head && queue[head] < frames.end[p] ? queue[head] : -1;
    }
  }

  private static ExaException overflow(WindowCall call) {
    return new ExaException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
        call.resultType().id() == TypeId.BIGINT ? "bigint out of range"
            : "numeric value out of range");
  }
}
