package io.exapg.core.exec.join;

import io.exapg.core.batch.Batch;
import io.exapg.core.exec.hash.KeySerializer;
import java.util.Arrays;

/**
 * The build side's hash table, its entries sorted by bucket: the entries of bucket b are
 * [begin(b), end(b)), each with its build row and its key (a long, or the key's hash when keys
 * are serialized bytes) in entry order. A probe reads the bucket's bounds and then keys that lie
 * next to each other, instead of following a chain through rows spread over several arrays.
 * When a single long key's values lie densely (a range at most a few times the number of
 * rows, as surrogate keys do), the bucket is the key's distance from the smallest key: a
 * bucket then holds one key value, and a probe neither hashes nor compares keys. Within a
 * bucket, entries keep the build rows' order.
 */
final class JoinHashTable {
  /** A dense key range may be this many times the number of build rows. */
  private static final int DENSE_SPREAD = 4;
  private static final long MAX_DENSE_BUCKETS = 1L << 27;

  /**
   * Per bucket the index of its first entry; bucket b's entries end where b + 1's begin. One
   * more bucket than {@link #buckets}, always empty, takes probe keys outside a dense range.
   */
  private final int[] starts;
  private final int buckets;
  private final int[] entryRows;
  /** Per entry the single long key, or the key's hash when keys are serialized. */
  private final long[] entryKeys;
  /** Per entry whether the single long key is NULL; null when no key is. */
  private final boolean[] entryKeyNull;
  private final byte[] keyBytes;
  private final int[] keyOffsets;
  private final int mask;
  private final boolean dense;
  private final long denseMin;
  private final int rowCount;

  JoinHashTable(Batch build, JoinKeys keys) {
    rowCount = build.size();
    keys.compute(build);
    boolean single = keys.isSingleLong();
    int entries = 0;
    boolean anyNullKey = false;
    long low = Long.MAX_VALUE;
    long high = Long.MIN_VALUE;
    for (int r = 0; r < rowCount; r++) {
      if (!keys.unmatchable[r]) {
        entries++;
        if (single) {
          anyNullKey |= keys.keyNull[r];
          low = Math.min(low, keys.longs[r]);
          high = Math.max(high, keys.longs[r]);
        }
      }
    }
    long span = high - low;
    dense = single && !anyNullKey && entries > 0 && span >= 0
        && span < Math.min(MAX_DENSE_BUCKETS, (long) DENSE_SPREAD * entries);
    denseMin = low;
    buckets = dense ? (int) span + 1
        : Integer.highestOneBit(Math.max(16, rowCount) * 2 - 1);
    mask = buckets - 1;
    starts = new int[buckets + 2];
    for (int r = 0; r < rowCount; r++) {
      if (!keys.unmatchable[r]) {
        starts[buildBucket(keys, r)]++;
      }
    }
    int sum = 0;
    for (int b = 0; b < buckets; b++) {
      sum += starts[b];
      starts[b] = sum;
    }
    starts[buckets] = entries;
    starts[buckets + 1] = entries;
    entryRows = new int[entries];
    entryKeys = new long[entries];
    for (int r = rowCount - 1; r >= 0; r--) {
      if (keys.unmatchable[r]) {
        continue;
      }
      int e = --starts[buildBucket(keys, r)];
      entryRows[e] = r;
      entryKeys[e] = single ? keys.longs[r] : keys.hashes[r];
    }
    if (anyNullKey) {
      entryKeyNull = new boolean[entries];
      for (int e = 0; e < entries; e++) {
        entryKeyNull[e] = keys.keyNull[entryRows[e]];
      }
    } else {
      entryKeyNull = null;
    }
    if (single) {
      keyBytes = null;
      keyOffsets = null;
    } else {
      KeySerializer serializer = keys.serializer();
      keyOffsets = new int[rowCount + 1];
      for (int r = 0; r <= rowCount; r++) {
        keyOffsets[r] = serializer.offset(r);
      }
      keyBytes = Arrays.copyOf(serializer.bytes(), keyOffsets[rowCount]);
    }
  }

  private int buildBucket(JoinKeys keys, int r) {
    return dense ? (int) (keys.longs[r] - denseMin) : (int) keys.hashes[r] & mask;
  }

  int rowCount() {
    return rowCount;
  }

  /** The bucket probe row j of the computed probe keys falls into. */
  int bucket(JoinKeys probe, int j) {
    if (dense) {
      long offset = probe.longs[j] - denseMin;
      return offset >= 0 && offset < buckets ? (int) offset : buckets;
    }
    return (int) probe.hashes[j] & mask;
  }

  /** The first entry of a bucket. */
  int begin(int bucket) {
    return starts[bucket];
  }

  /** One past the last entry of a bucket. */
  int end(int bucket) {
    return starts[bucket + 1];
  }

  /** The build row of an entry. */
  int row(int entry) {
    return entryRows[entry];
  }

  /** Whether an entry has the same key as probe row j of the computed probe keys. */
  boolean matches(int entry, JoinKeys probe, int j) {
    if (dense) {
      return !probe.keyNull[j];
    }
    if (keyBytes == null) {
      return entryKeys[entry] == probe.longs[j]
          && (entryKeyNull == null ? !probe.keyNull[j] : entryKeyNull[entry] == probe.keyNull[j]);
    }
    if (entryKeys[entry] != probe.hashes[j]) {
      return false;
    }
    int r = entryRows[entry];
    KeySerializer serializer = probe.serializer();
    int offset = serializer.offset(j);
    return Arrays.equals(keyBytes, keyOffsets[r], keyOffsets[r + 1], serializer.bytes(), offset,
        offset + serializer.length(j));
  }

  long memoryBytes() {
    return starts.length * 4L + entryRows.length * 12L
        + (entryKeyNull != null ? entryKeyNull.length : 0)
        + (keyBytes != null ? keyBytes.length + keyOffsets.length * 4L : 0);
  }
}
