package io.exapg.benchmarks;

import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The inner loops of ExaPG's scans, filters and aggregates, each written twice: as the engine
 * runs it (plain Java loops over primitive arrays, left to the JIT) and with the incubating
 * Java Vector API. {@link VectorApiBenchmark} times the pairs; both must give the same answer.
 */
final class VectorKernels {
  private static final VectorSpecies<Long> LONGS = LongVector.SPECIES_PREFERRED;

  private VectorKernels() {
  }

  /**
   * Positions j in [0, count) with values[from + j] < bound, as PredicateEvaluator narrows a
   * morsel's rows.
   */
  static int lessThanScalar(long[] values, int from, int count, long bound, int[] out) {
    int kept = 0;
    for (int j = 0; j < count; j++) {
      out[kept] = j;
      kept += values[from + j] < bound ? 1 : 0;
    }
    return kept;
  }

  static int lessThanVector(long[] values, int from, int count, long bound, int[] out) {
    int kept = 0;
    int j = 0;
    for (int limit = LONGS.loopBound(count); j < limit; j += LONGS.length()) {
      VectorMask<Long> passes = LongVector.fromArray(LONGS, values, from + j)
          .compare(VectorOperators.LT, bound);
      long bits = passes.toLong();
      while (bits != 0) {
        out[kept++] = j + Long.numberOfTrailingZeros(bits);
        bits &= bits - 1;
      }
    }
    for (; j < count; j++) {
      out[kept] = j;
      kept += values[from + j] < bound ? 1 : 0;
    }
    return kept;
  }

  /** SUM of exact numbers without GROUP BY, failing on overflow as LongSumAccumulator does. */
  static long sumScalar(long[] values, int from, int count) {
    long sum = 0;
    for (int j = from; j < from + count; j++) {
      sum = Math.addExact(sum, values[j]);
    }
    return sum;
  }

  static long sumVector(long[] values, int from, int count) {
    LongVector sums = LongVector.zero(LONGS);
    LongVector overflow = LongVector.zero(LONGS);
    int j = from;
    for (int limit = from + LONGS.loopBound(count); j < limit; j += LONGS.length()) {
      LongVector v = LongVector.fromArray(LONGS, values, j);
      LongVector next = sums.add(v);
      // Overflow in a lane: both operands' signs differ from the result's.
      overflow = overflow.or(sums.lanewise(VectorOperators.XOR, next)
          .and(v.lanewise(VectorOperators.XOR, next)));
      sums = next;
    }
    if (overflow.compare(VectorOperators.LT, 0).anyTrue()) {
      throw new ArithmeticException("long overflow");
    }
    long sum = 0;
    for (int lane = 0; lane < LONGS.length(); lane++) {
      sum = Math.addExact(sum, sums.lane(lane));
    }
    for (; j < from + count; j++) {
      sum = Math.addExact(sum, values[j]);
    }
    return sum;
  }

  /**
   * price * (100 - discount) over scaled decimals (TPC-H's l_extendedprice * (1 -
   * l_discount)), failing on overflow as the generated projections do.
   */
  static void discountScalar(long[] price, long[] discount, int from, int count, long[] out) {
    for (int j = 0; j < count; j++) {
      out[j] = Math.multiplyExact(price[from + j], Math.subtractExact(100, discount[from + j]));
    }
  }

  /**
   * The same; lanes cannot report overflow, so the batch's ranges are checked first and a
   * batch whose products might not fit takes the scalar loop.
   */
  static void discountVector(long[] price, long[] discount, int from, int count, long[] out) {
    long maxPrice = 0;
    long maxFactor = 0;
    for (int j = from; j < from + count; j++) {
      maxPrice = Math.max(maxPrice, Math.abs(price[j]));
      maxFactor = Math.max(maxFactor, Math.abs(100 - discount[j]));
    }
    if (maxPrice >= 1L << 31 || maxFactor >= 1L << 31) {
      discountScalar(price, discount, from, count, out);
      return;
    }
    int j = 0;
    for (int limit = LONGS.loopBound(count); j < limit; j += LONGS.length()) {
      LongVector factor = LongVector.broadcast(LONGS, 100)
          .sub(LongVector.fromArray(LONGS, discount, from + j));
      LongVector.fromArray(LONGS, price, from + j).mul(factor).intoArray(out, j);
    }
    for (; j < count; j++) {
      out[j] = price[from + j] * (100 - discount[from + j]);
    }
  }

  /** Lanes of a long vector on this machine. */
  static int lanes() {
    return LONGS.length();
  }
}
