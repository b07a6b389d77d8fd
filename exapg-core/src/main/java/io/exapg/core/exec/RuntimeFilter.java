package io.exapg.core.exec;

import io.exapg.core.exec.hash.Hashing;

/**
 * What a hash join's build side says about one of its key columns, handed to the scan on the
 * probe side before it runs: the smallest and largest key, and a Bloom filter of the keys, so
 * that the scan skips row groups whose zone maps lie outside [min, max] and drops rows that
 * cannot find a partner before they are decoded into batches and probed. Keys are the longs
 * of integer, decimal, date and timestamp values. Published once, then read only.
 */
public final class RuntimeFilter {
  /** Build sides larger than this publish only min and max. */
  private static final int MAX_BLOOM_KEYS = 1 << 22;

  private volatile boolean ready;
  private long min;
  private long max;
  private boolean empty;
  private long[] bloom;
  private int bloomMask;

  /** Publishes the build side's keys (NULL keys left out, as they match nothing). */
  public void publish(long[] keys, int count) {
    long low = Long.MAX_VALUE;
    long high = Long.MIN_VALUE;
    for (int k = 0; k < count; k++) {
      low = Math.min(low, keys[k]);
      high = Math.max(high, keys[k]);
    }
    min = low;
    max = high;
    empty = count == 0;
    if (count > 0 && count <= MAX_BLOOM_KEYS) {
      int words = Integer.highestOneBit(Math.max(64, count * 16 / 64) - 1) << 1;
      long[] bits = new long[words];
      int mask = words * 64 - 1;
      for (int k = 0; k < count; k++) {
        long hash = Hashing.mix(keys[k]);
        int a = (int) hash & mask;
        int b = (int) (hash >>> 32) & mask;
        bits[a >>> 6] |= 1L << a;
        bits[b >>> 6] |= 1L << b;
      }
      bloom = bits;
      bloomMask = mask;
    }
    ready = true;
  }

  public boolean isReady() {
    return ready;
  }

  /** Whether some key may lie in [low, high] (a zone map's range). */
  public boolean overlaps(long low, long high) {
    return !empty && low <= max && high >= min;
  }

  /**
   * Keeps in live[0, count) the positions whose value (values[offset + position]) may be a
   * key; nulls, when given, drop NULLs. Returns how many are left.
   */
  public int filter(long[] values, boolean[] nulls, int offset, int[] live, int count) {
    if (empty) {
      return 0;
    }
    long[] bits = bloom;
    int mask = bloomMask;
    long low = min;
    long high = max;
    int kept = 0;
    for (int j = 0; j < count; j++) {
      int row = offset + live[j];
      long value = values[row];
      boolean pass = value >= low && value <= high && (nulls == null || !nulls[row]);
      if (pass && bits != null) {
        long hash = Hashing.mix(value);
        int a = (int) hash & mask;
        int b = (int) (hash >>> 32) & mask;
        pass = (bits[a >>> 6] & 1L << a) != 0 && (bits[b >>> 6] & 1L << b) != 0;
      }
      live[kept] = live[j];
      kept += pass ? 1 : 0;
    }
    return kept;
  }

  @Override
  public String toString() {
    return !ready ? "pending" : empty ? "empty" : "[" + min + ", " + max + "]"
        + (bloom == null ? "" : " bloom " + bloom.length * 64 + " bits");
  }
}
