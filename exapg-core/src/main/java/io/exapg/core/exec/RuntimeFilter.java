package io.exapg.core.exec;

import io.exapg.core.exec.hash.Hashing;

/**
 * What a hash join's build side says about one of its key columns, handed to the scan on the
 * probe side before it runs: the smallest and largest key, and a Bloom filter of the keys, so
 * that the scan skips row groups whose zone maps lie outside [min, max] and drops rows that
 * cannot find a partner before they are decoded into batches and probed; keys that lie densely
 * enough get an exact bitmap instead of the Bloom filter. Keys are the longs
 * of integer, decimal, date and timestamp values. Published once, then read only.
 */
public final class RuntimeFilter {
  /** Build sides larger than this publish only min and max. */
  private static final int MAX_BLOOM_KEYS = 1 << 22;

  private volatile boolean ready;
  private long min;
  private long max;
  private boolean empty;
  /** Keys whose range is dense enough get an exact bitmap over [min, max] instead. */
  private static final long MAX_BITMAP_BITS = 1L << 27;

  /** Bit (key - min) set for every key; null unless the keys were dense enough. */
  private long[] bitmap;
  private long[] bloom;
  /** Selects a word of the Bloom filter. */
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
    long span = high - low;
    if (count > 0 && span >= 0 && span < Math.min(MAX_BITMAP_BITS, count * 32L)) {
      long[] bits = new long[(int) (span >>> 6) + 1];
      for (int k = 0; k < count; k++) {
        long bit = keys[k] - low;
        bits[(int) (bit >>> 6)] |= 1L << bit;
      }
      bitmap = bits;
    } else if (count > 0 && count <= MAX_BLOOM_KEYS) {
      int words = Integer.highestOneBit(Math.max(64, count * 16 / 64) - 1) << 1;
      long[] bits = new long[words];
      int mask = words - 1;
      for (int k = 0; k < count; k++) {
        long hash = Hashing.mix(keys[k]);
        bits[(int) (hash >>> 32) & mask] |= keyBits(hash);
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
    if (bitmap != null) {
      return filterByBitmap(values, nulls, offset, live, count);
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
        long want = keyBits(hash);
        pass = (bits[(int) (hash >>> 32) & mask] & want) == want;
      }
      live[kept] = live[j];
      kept += pass ? 1 : 0;
    }
    return kept;
  }

  private int filterByBitmap(long[] values, boolean[] nulls, int offset, int[] live,
      int count) {
    long[] bits = bitmap;
    long low = min;
    long range = max - min;
    int kept = 0;
    for (int j = 0; j < count; j++) {
      int row = offset + live[j];
      long bit = values[row] - low;
      boolean pass = bit >= 0 && bit <= range && (nulls == null || !nulls[row])
          && (bits[(int) (bit >>> 6)] & 1L << bit) != 0;
      live[kept] = live[j];
      kept += pass ? 1 : 0;
    }
    return kept;
  }

  /**
   * The three bits a key sets, all in one word of the filter (a blocked Bloom filter): a
   * lookup touches one cache line, for a slightly higher false positive rate (about 1 % at 16
   * bits per key) than bits spread over the whole filter.
   */
  private static long keyBits(long hash) {
    return 1L << hash | 1L << (hash >>> 6) | 1L << (hash >>> 12);
  }

  @Override
  public String toString() {
    return !ready ? "pending" : empty ? "empty" : "[" + min + ", " + max + "]"
        + (bitmap != null ? " bitmap " + bitmap.length * 64 + " bits"
        : bloom != null ? " bloom " + bloom.length * 64 + " bits" : "");
  }
}
