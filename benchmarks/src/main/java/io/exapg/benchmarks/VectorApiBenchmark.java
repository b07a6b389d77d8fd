package io.exapg.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Whether the Java Vector API would speed up ExaPG's hot loops on this machine: times each
 * kernel of {@link VectorKernels} as plain Java and with the Vector API over TPC-H-like
 * columns, in batches of the scans' 16,384 rows, both on data that stays in the CPU caches
 * and on a column far larger than them. The two versions run alternately, round by round,
 * and must agree.
 */
final class VectorApiBenchmark {
  static final int BATCH = 16_384;

  /** One kernel's median nanoseconds per value, plain and with the Vector API. */
  record Result(String kernel, String data, double scalarNanos, double vectorNanos) {
    double speedup() {
      return scalarNanos / vectorNanos;
    }
  }

  private interface Kernel {
    /** Runs over values [from, from + BATCH); returns something to compare and keep live. */
    long run(int from);
  }

  private VectorApiBenchmark() {
  }

  static List<Result> run(int columnRows, int rounds) {
    SplittableRandom random = new SplittableRandom(42);
    long[] shipdate = new long[columnRows];
    long[] price = new long[columnRows];
    long[] discount = new long[columnRows];
    for (int r = 0; r < columnRows; r++) {
      shipdate[r] = 8036 + random.nextInt(2526);
      price[r] = 90_000 + random.nextLong(10_400_000);
      discount[r] = random.nextInt(11);
    }
    int[] positions = new int[BATCH];
    long[] products = new long[BATCH];
    long bound = 8036 + 2526 / 2;
    List<Result> results = new ArrayList<>();
    for (boolean cached : new boolean[] {true, false}) {
      int batches = columnRows / BATCH;
      String data = cached ? "one batch again and again, in cache" : String.format(Locale.ROOT,
          "%,d rows, from memory", batches * BATCH);
      results.add(measure("filter: value < constant", data, batches, cached, rounds,
          from -> VectorKernels.lessThanScalar(shipdate, from, BATCH, bound, positions),
          from -> VectorKernels.lessThanVector(shipdate, from, BATCH, bound, positions)));
      results.add(measure("SUM without GROUP BY", data, batches, cached, rounds,
          from -> VectorKernels.sumScalar(price, from, BATCH),
          from -> VectorKernels.sumVector(price, from, BATCH)));
      results.add(measure("price * (1 - discount)", data, batches, cached, rounds,
          from -> {
            VectorKernels.discountScalar(price, discount, from, BATCH, products);
            return Arrays.hashCode(products);
          },
          from -> {
            VectorKernels.discountVector(price, discount, from, BATCH, products);
            return Arrays.hashCode(products);
          }));
    }
    return results;
  }

  /** Runs each version over batches batches per round: the first one each time if cached. */
  private static Result measure(String name, String data, int batches, boolean cached,
      int rounds, Kernel scalar, Kernel vector) {
    Kernel[] kernels = {scalar, vector};
    long[][] nanos = new long[2][rounds];
    for (int round = -3; round < rounds; round++) {
      long[] checks = new long[2];
      for (int k = 0; k < 2; k++) {
        int which = (round & 1) == 0 ? k : 1 - k;
        long start = System.nanoTime();
        for (int b = 0; b < batches; b++) {
          checks[which] += kernels[which].run(cached ? 0 : b * BATCH);
        }
        long elapsed = System.nanoTime() - start;
        if (round >= 0) {
          nanos[which][round] = elapsed;
        }
      }
      if (checks[0] != checks[1]) {
        throw new IllegalStateException(name + ": the plain and the Vector API versions differ ("
            + checks[0] + " and " + checks[1] + ")");
      }
    }
    double values = (double) batches * BATCH;
    return new Result(name, data, median(nanos[0]) / values, median(nanos[1]) / values);
  }

  private static double median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  static String report(List<Result> results) {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
        "Vector API species: %d longs per vector%n%n", VectorKernels.lanes()));
    out.append("| kernel | data | plain Java ns/value | Vector API ns/value | speed-up |\n");
    out.append("|---|---|---:|---:|---:|\n");
    for (Result result : results) {
      out.append(String.format(Locale.ROOT, "| %s | %s | %.3f | %.3f | %.2f |%n",
          result.kernel(), result.data(), result.scalarNanos(), result.vectorNanos(),
          result.speedup()));
    }
    return out.toString();
  }
}
