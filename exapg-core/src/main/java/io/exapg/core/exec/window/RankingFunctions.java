package io.exapg.core.exec.window;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.core.exec.hash.ValueWriter;
import io.exapg.core.plan.WindowCall;
import org.apache.arrow.vector.FieldVector;

/** ROW_NUMBER, RANK, DENSE_RANK, PERCENT_RANK, CUME_DIST and NTILE from partition and peers. */
final class RankingFunctions {
  private RankingFunctions() {
  }

  /** Writes the function's value of every sorted position p in [from, to) into row p of out. */
  static void compute(WindowCall call, WindowOrdering ordering, FieldVector out, int from,
      int to) {
    int[] first = ordering.partitionStart;
    switch (call.function()) {
      case ROW_NUMBER -> {
        for (int p = from; p < to; p++) {
          ValueWriter.setLong(out, p, p - first[p] + 1);
        }
      }
      case RANK -> {
        for (int p = from; p < to; p++) {
          ValueWriter.setLong(out, p, ordering.peerStart[p] - first[p] + 1);
        }
      }
      case DENSE_RANK -> {
        // The peer groups of from's partition that begin before from: the rank so far.
        long rank = 0;
        for (int q = from < to ? first[from] : to; q < from; q++) {
          if (ordering.peerStart[q] == q) {
            rank++;
          }
        }
        for (int p = from; p < to; p++) {
          if (first[p] == p) {
            rank = 1;
          } else if (ordering.peerStart[p] == p) {
            rank++;
          }
          ValueWriter.setLong(out, p, rank);
        }
      }
      case PERCENT_RANK -> {
        for (int p = from; p < to; p++) {
          int size = ordering.partitionEnd[p] - first[p];
          double rank = ordering.peerStart[p] - first[p];
          ValueWriter.setDouble(out, p, size <= 1 ? 0 : rank / (size - 1));
        }
      }
      case CUME_DIST -> {
        for (int p = from; p < to; p++) {
          double size = ordering.partitionEnd[p] - first[p];
          ValueWriter.setDouble(out, p, (ordering.peerEnd[p] - first[p]) / size);
        }
      }
      case NTILE -> ntile(call.constant(), ordering, out, from, to);
      default -> throw new IllegalArgumentException(call.function().name());
    }
  }

  /** Buckets of equal size, the first (size mod buckets) of them one row larger. */
  private static void ntile(long buckets, WindowOrdering ordering, FieldVector out, int from,
      int to) {
    if (buckets <= 0) {
      throw new ExaException(SqlState.INVALID_ARGUMENT_FOR_NTILE,
          "argument of ntile must be greater than zero");
    }
    for (int p = from; p < to; p++) {
      long size = ordering.partitionEnd[p] - ordering.partitionStart[p];
      long index = p - ordering.partitionStart[p];
      long small = size / buckets;
      long large = small + 1;
      long largeRows = (size % buckets) * large;
      long bucket = index < largeRows ? index / large
          : size % buckets + (index - largeRows) / small;
      ValueWriter.setLong(out, p, bucket + 1);
    }
  }
}
