package io.exapg.core.exec.sort;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.exapg.core.exec.WorkerPool;
import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Packed sorting gives the order of a stable sort by the keys: ascending and descending,
 * NULLs first and last, negative values, ties, on one thread and on several; keys that do not
 * fit into a long are left to the comparator.
 */
class PackedSortTest {
  @Test
  void ordersLikeAStableComparatorSort() {
    SplittableRandom random = new SplittableRandom(3);
    try (WorkerPool workers = new WorkerPool(2)) {
      for (int n : new int[] {0, 1, 2, 17, 1_000, 100_000}) {
        for (int combination = 0; combination < 8; combination++) {
          long[][] values = {new long[n], new long[n]};
          boolean[][] nulls = {new boolean[n], new boolean[n]};
          for (int i = 0; i < n; i++) {
            values[0][i] = random.nextInt(-50, 50);
            values[1][i] = random.nextLong(-1_000_000_000L, 1_000_000_000L);
            nulls[0][i] = random.nextInt(10) == 0;
            nulls[1][i] = random.nextInt(20) == 0;
          }
          boolean[] descending = {(combination & 1) != 0, (combination & 2) != 0};
          boolean[] nullsFirst = {(combination & 4) != 0, (combination & 4) == 0};
          int[] expected = reference(values, nulls, descending, nullsFirst, n);
          assertArrayEquals(expected,
              PackedSort.sortedOrder(values, nulls, descending, nullsFirst, n, null));
          assertArrayEquals(expected,
              PackedSort.sortedOrder(values, nulls, descending, nullsFirst, n, workers));
        }
      }
    }
  }

  @Test
  void keysWiderThanALongAreLeftToTheComparator() {
    long[][] values = {{Long.MIN_VALUE, Long.MAX_VALUE}};
    boolean[][] nulls = {{false, false}};
    assertNull(PackedSort.sortedOrder(values, nulls, new boolean[1], new boolean[1], 2, null));
    long[][] wide = {{0, 1L << 40}, {0, 1L << 30}};
    boolean[][] none = {{false, false}, {false, false}};
    assertNull(PackedSort.sortedOrder(wide, none, new boolean[2], new boolean[2], 2, null));
    long[][] narrow = {{0, 1L << 40}, {0, 1L << 20}};
    assertNotNull(PackedSort.sortedOrder(narrow, none, new boolean[2], new boolean[2], 2, null));
  }

  private static int[] reference(long[][] values, boolean[][] nulls, boolean[] descending,
      boolean[] nullsFirst, int n) {
    Comparator<Integer> order = (a, b) -> {
      for (int k = 0; k < values.length; k++) {
        boolean nullA = nulls[k][a];
        boolean nullB = nulls[k][b];
        if (nullA || nullB) {
          if (nullA && nullB) {
            continue;
          }
          return nullA == nullsFirst[k] ? -1 : 1;
        }
        int c = Long.compare(values[k][a], values[k][b]);
        if (c != 0) {
          return descending[k] ? -c : c;
        }
      }
      return 0;
    };
    Integer[] rows = new Integer[n];
    Arrays.setAll(rows, i -> i);
    Arrays.sort(rows, order);
    return Arrays.stream(rows).mapToInt(Integer::intValue).toArray();
  }
}
