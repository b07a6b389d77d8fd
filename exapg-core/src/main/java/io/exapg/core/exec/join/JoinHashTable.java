package io.exapg.core.exec.join;

import io.exapg.core.batch.Batch;
import io.exapg.core.exec.hash.KeySerializer;
import java.util.Arrays;

/**
 * The build side's hash table: chained buckets over build row numbers, with each row's hash
 * and key kept for comparison.
 */
final class JoinHashTable {
  private final int[] buckets;
  private final int[] next;
  private final long[] hashes;
  private final long[] longKeys;
  private final boolean[] longKeyNull;
  private final byte[] keyBytes;
  private final int[] keyOffsets;
  private final int mask;
  private final int rowCount;

  JoinHashTable(Batch build, JoinKeys keys) {
    rowCount = build.size();
    keys.compute(build);
    int capacity = Integer.highestOneBit(Math.max(16, rowCount) * 2 - 1) << 1;
    buckets = new int[capacity];
    Arrays.fill(buckets, -1);
    mask = capacity - 1;
    next = new int[rowCount];
    hashes = Arrays.copyOf(keys.hashes, rowCount);
    if (keys.isSingleLong()) {
      longKeys = Arrays.copyOf(keys.longs, rowCount);
      longKeyNull = Arrays.copyOf(keys.keyNull, rowCount);
      keyBytes = null;
      keyOffsets = null;
    } else {
      KeySerializer serializer = keys.serializer();
      keyOffsets = new int[rowCount + 1];
      for (int r = 0; r <= rowCount; r++) {
        keyOffsets[r] = r < rowCount ? serializer.offset(r) : serializer.offset(rowCount);
      }
      keyBytes = Arrays.copyOf(serializer.bytes(), keyOffsets[rowCount]);
      longKeys = null;
      longKeyNull = null;
    }
    for (int r = rowCount - 1; r >= 0; r--) {
      if (keys.unmatchable[r]) {
        next[r] = -1;
        continue;
      }
      int bucket = (int) hashes[r] & mask;
      next[r] = buckets[bucket];
      buckets[bucket] = r;
    }
  }

  int rowCount() {
    return rowCount;
  }

  /** First build row in the chain for this hash, or -1. */
  int first(long hash) {
    return buckets[(int) hash & mask];
  }

  int next(int row) {
    return next[row];
  }

  /** Whether build row r has the same key as probe row j of the computed probe keys. */
  boolean matches(int r, JoinKeys probe, int j) {
    if (hashes[r] != probe.hashes[j]) {
      return false;
    }
    if (longKeys != null) {
      return longKeys[r] == probe.longs[j] && longKeyNull[r] == probe.keyNull[j];
    }
    KeySerializer serializer = probe.serializer();
    int offset = serializer.offset(j);
    return Arrays.equals(keyBytes, keyOffsets[r], keyOffsets[r + 1], serializer.bytes(), offset,
        offset + serializer.length(j));
  }

  long memoryBytes() {
    return buckets.length * 4L + next.length * 12L
        + (longKeys != null ? longKeys.length * 8L : keyBytes.length + keyOffsets.length * 4L);
  }
}
