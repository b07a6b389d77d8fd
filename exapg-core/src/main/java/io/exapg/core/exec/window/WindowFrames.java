package io.exapg.core.exec.window;

import io.exapg.core.plan.WindowGroup;
import io.exapg.core.plan.WindowGroup.BoundKind;
import io.exapg.core.plan.WindowGroup.FrameBound;
import org.apache.arrow.vector.FieldVector;

/**
 * Every sorted position's frame as a range [start, end) of positions; empty when end <= start.
 * Both bounds never decrease from one position to the next, which the frame aggregates rely on.
 */
final class WindowFrames {
  final int[] start;
  final int[] end;

  private WindowFrames(int[] start, int[] end) {
    this.start = start;
    this.end = end;
  }

  static WindowFrames of(FieldVector[] rows, WindowGroup group, WindowOrdering ordering,
      WindowRanges ranges) {
    int n = ordering.rowCount;
    int[] start = new int[n];
    int[] end = new int[n];
    boolean offsetRange = !group.rows() && (hasOffset(group.lower()) || hasOffset(group.upper()));
    SortedColumn key = offsetRange
        ? SortedColumn.ofLongs(rows, group.orderKeys().get(0).column(), ordering) : null;
    boolean descending = offsetRange && group.orderKeys().get(0).descending();
    ranges.forEach((from, to) -> {
      for (int p = from; p < to; p++) {
        if (group.rows()) {
          start[p] = rowsBound(group.lower(), p, ordering, false);
          end[p] = rowsBound(group.upper(), p, ordering, true);
        } else {
          start[p] = rangeBound(group.lower(), p, ordering, key, descending, false);
          end[p] = rangeBound(group.upper(), p, ordering, key, descending, true);
        }
      }
    });
    return new WindowFrames(start, end);
  }

  private static boolean hasOffset(FrameBound bound) {
    return bound.kind() == BoundKind.PRECEDING || bound.kind() == BoundKind.FOLLOWING;
  }

  /** A ROWS bound; for the frame's end the position after the last row in it. */
  private static int rowsBound(FrameBound bound, int p, WindowOrdering ordering, boolean isEnd) {
    int first = ordering.partitionStart[p];
    int limit = ordering.partitionEnd[p];
    int after = isEnd ? 1 : 0;
    return switch (bound.kind()) {
      case UNBOUNDED_PRECEDING -> first;
      case UNBOUNDED_FOLLOWING -> limit;
      case CURRENT_ROW -> p + after;
      case PRECEDING -> (int) Math.max(first, saturatedAdd(p + after, -bound.offset()));
      case FOLLOWING -> (int) Math.min(limit, saturatedAdd(p + after, bound.offset()));
    };
  }

  /** A RANGE bound: whole peer groups, or rows whose key is within the offset. */
  private static int rangeBound(FrameBound bound, int p, WindowOrdering ordering,
      SortedColumn key, boolean descending, boolean isEnd) {
    int first = ordering.partitionStart[p];
    int limit = ordering.partitionEnd[p];
    return switch (bound.kind()) {
      case UNBOUNDED_PRECEDING -> first;
      case UNBOUNDED_FOLLOWING -> limit;
      case CURRENT_ROW -> isEnd ? ordering.peerEnd[p] : ordering.peerStart[p];
      case PRECEDING, FOLLOWING -> {
        if (key.nulls[p]) {
          yield isEnd ? ordering.peerEnd[p] : ordering.peerStart[p];
        }
        long offset = bound.kind() == BoundKind.PRECEDING ? -bound.offset() : bound.offset();
        long target = descending ? saturatedSubtract(key.longs[p], offset)
            : saturatedAdd(key.longs[p], offset);
        yield firstBeyond(key, first, limit, target, descending, isEnd);
      }
    };
  }

  /**
   * The first position in [from, to) among non-null keys whose key lies past target in the
   * sort direction (for a frame's end), or at or past it (for a frame's start); null keys sort
   * at one end of the partition and never fall within an offset of a value.
   */
  private static int firstBeyond(SortedColumn key, int from, int to, long target,
      boolean descending, boolean isEnd) {
    int low = from;
    int high = to;
    while (low < high && key.nulls[low]) {
      low++;
    }
    while (high > low && key.nulls[high - 1]) {
      high--;
    }
    int nonNullEnd = high;
    while (low < high) {
      int middle = (low + high) >>> 1;
      long value = key.longs[middle];
      int c = descending ? Long.compare(target, value) : Long.compare(value, target);
      boolean beyond = isEnd ? c > 0 : c >= 0;
      if (beyond) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }
    return Math.min(low, nonNullEnd);
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    if (((a ^ sum) & (b ^ sum)) < 0) {
      return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    return sum;
  }

  private static long saturatedSubtract(long a, long b) {
    return b == Long.MIN_VALUE ? saturatedAdd(saturatedAdd(a, Long.MAX_VALUE), 1)
        : saturatedAdd(a, -b);
  }
}
