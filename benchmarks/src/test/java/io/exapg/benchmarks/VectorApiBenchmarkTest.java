package io.exapg.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The two versions of each kernel agree, also at the edges; a short run reports them all. */
class VectorApiBenchmarkTest {
  @Test
  void versionsAgreeOnOddCountsOffsetsAndOverflow() {
    SplittableRandom random = new SplittableRandom(7);
    long[] values = new long[1_003];
    long[] discount = new long[values.length];
    for (int r = 0; r < values.length; r++) {
      values[r] = random.nextLong(-1_000_000, 1_000_000);
      discount[r] = random.nextInt(11);
    }
    int[] scalar = new int[values.length];
    int[] vector = new int[values.length];
    int kept = VectorKernels.lessThanScalar(values, 3, 997, 0, scalar);
    assertEquals(kept, VectorKernels.lessThanVector(values, 3, 997, 0, vector));
    assertTrue(kept > 400 && kept < 600, "kept " + kept);
    assertArrayEquals(Arrays.copyOf(scalar, kept), Arrays.copyOf(vector, kept));

    assertEquals(VectorKernels.sumScalar(values, 5, 991), VectorKernels.sumVector(values, 5, 991));
    long[] huge = {Long.MAX_VALUE - 1, 1, 1, 0, 0, 0, 0, 0, 0};
    assertThrows(ArithmeticException.class, () -> VectorKernels.sumScalar(huge, 0, 9));
    assertThrows(ArithmeticException.class, () -> VectorKernels.sumVector(huge, 0, 9));

    long[] plain = new long[values.length];
    long[] lanes = new long[values.length];
    VectorKernels.discountScalar(values, discount, 1, 1_001, plain);
    VectorKernels.discountVector(values, discount, 1, 1_001, lanes);
    assertArrayEquals(plain, lanes);
    long[] wide = {Long.MAX_VALUE / 50, 1, 2, 3, 4, 5};
    long[] none = new long[wide.length];
    assertThrows(ArithmeticException.class,
        () -> VectorKernels.discountVector(wide, none, 0, wide.length, new long[wide.length]));
  }

  @Test
  void shortRunReportsEveryKernelTwice() {
    List<VectorApiBenchmark.Result> results = VectorApiBenchmark.run(4 * VectorApiBenchmark.BATCH,
        2);
    assertEquals(6, results.size());
    for (VectorApiBenchmark.Result result : results) {
      assertTrue(result.scalarNanos() > 0 && result.vectorNanos() > 0, result.toString());
    }
    String report = VectorApiBenchmark.report(results);
    assertTrue(report.contains("| SUM without GROUP BY | 65,536 rows, from memory |"), report);
  }
}
