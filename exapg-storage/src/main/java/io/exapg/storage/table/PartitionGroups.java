package io.exapg.storage.table;

import io.exapg.core.batch.Batch;
import java.util.Arrays;

/**
 * Splits a batch's live rows by partition key: a primitive open-addressing table finds each
 * row's group, and a counting sort lays out each group's rows in their original order, so
 * that each group becomes a selection over the same vectors. Arrays are reused across batches.
 */
final class PartitionGroups {
  private long[] slotKeys = new long[0];
  private int[] slotGroups = new int[0];
  private int[] groupOfRow = new int[0];
  private int[] rowsByGroup = new int[0];
  private long[] groupKeys = new long[16];
  private int[] groupCounts = new int[16];
  private int[] groupStarts = new int[16];
  private int groupCount;

  /**
   * Groups the batch's live rows j by keys[j]; afterwards groups are numbered
   * 0..count()-1.
   */
  void group(Batch batch, long[] keys) {
    int n = batch.size();
    int capacity = Integer.highestOneBit(Math.max(16, n * 2 - 1)) << 1;
    if (slotKeys.length < capacity) {
      slotKeys = new long[capacity];
      slotGroups = new int[capacity];
    }
    if (groupOfRow.length < n) {
      groupOfRow = new int[n];
      rowsByGroup = new int[n];
    }
    Arrays.fill(slotGroups, 0, capacity, -1);
    int mask = capacity - 1;
    groupCount = 0;
    for (int j = 0; j < n; j++) {
      long key = keys[j];
      int slot = (int) (mix(key) & mask);
      while (slotGroups[slot] >= 0 && slotKeys[slot] != key) {
        slot = (slot + 1) & mask;
      }
      if (slotGroups[slot] < 0) {
        slotKeys[slot] = key;
        slotGroups[slot] = newGroup(key);
      }
      int group = slotGroups[slot];
      groupOfRow[j] = group;
      groupCounts[group]++;
    }
    if (groupStarts.length < groupCount + 1) {
      groupStarts = new int[groupKeys.length + 1];
    }
    groupStarts[0] = 0;
    for (int g = 0; g < groupCount; g++) {
      groupStarts[g + 1] = groupStarts[g] + groupCounts[g];
    }
    int[] next = Arrays.copyOf(groupStarts, groupCount);
    for (int j = 0; j < n; j++) {
      rowsByGroup[next[groupOfRow[j]]++] = batch.row(j);
    }
  }

  private int newGroup(long key) {
    if (groupCount == groupKeys.length) {
      groupKeys = Arrays.copyOf(groupKeys, groupCount * 2);
      groupCounts = Arrays.copyOf(groupCounts, groupCount * 2);
    }
    groupKeys[groupCount] = key;
    groupCounts[groupCount] = 0;
    return groupCount++;
  }

  private static long mix(long key) {
    long h = key * 0x9e3779b97f4a7c15L;
    return h ^ (h >>> 29);
  }

  int count() {
    return groupCount;
  }

  long key(int group) {
    return groupKeys[group];
  }

  /** The batch restricted to one group's rows, in their original order. */
  Batch select(Batch batch, int group) {
    int[] selection = Arrays.copyOfRange(rowsByGroup, groupStarts[group],
        groupStarts[group + 1]);
    return batch.withSelection(selection, selection.length);
  }
}
