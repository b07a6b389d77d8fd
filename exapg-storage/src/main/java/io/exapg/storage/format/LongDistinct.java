package io.exapg.storage.format;

import java.util.Arrays;

/**
 * The distinct values of a chunk, found with an open-addressing hash set that gives up as
 * soon as there are more than a limit, so that high-cardinality columns cost little.
 */
final class LongDistinct {
  private LongDistinct() {
  }

  /** The distinct values in ascending order, or null when there are more than limit. */
  static long[] sorted(long[] values, int count, int limit) {
    int capacity = Integer.highestOneBit(Math.max(limit, 1) * 2 + 1) << 1;
    int mask = capacity - 1;
    long[] slots = new long[capacity];
    boolean[] used = new boolean[capacity];
    int size = 0;
    for (int k = 0; k < count; k++) {
      long value = values[k];
      int slot = (int) mix(value) & mask;
      while (used[slot] && slots[slot] != value) {
        slot = (slot + 1) & mask;
      }
      if (!used[slot]) {
        if (++size > limit) {
          return null;
        }
        used[slot] = true;
        slots[slot] = value;
      }
    }
    long[] distinct = new long[size];
    int n = 0;
    for (int slot = 0; slot < capacity; slot++) {
      if (used[slot]) {
        distinct[n++] = slots[slot];
      }
    }
    Arrays.sort(distinct);
    return distinct;
  }

  private static long mix(long value) {
    long h = value * 0x9E3779B97F4A7C15L;
    return h ^ (h >>> 29);
  }
}
