package io.exapg.core.exec.aggregate;

import io.exapg.core.batch.Batch;
import io.exapg.core.exec.hash.Hashing;
import io.exapg.core.exec.hash.KeyPacker;
import org.apache.arrow.vector.FieldVector;

/**
 * Groups on several small key columns (see {@link KeyPacker}): rows whose keys pack into a
 * long find their group in a table of longs. The serialized table behind it owns the group
 * numbers and the keys: a packed key seen for the first time, and every row of a batch that
 * does not pack, go through it, so both paths always agree on a key's group.
 */
final class PackedGroupTable implements GroupTable {
  private static final int MAX_PACK_FAILURES = 8;

  private final KeyPacker packer;
  private final SerializedGroupTable serialized;
  private long[] slotKeys = new long[256];
  private int[] slotGroups = new int[256];
  private int mask = slotKeys.length - 1;
  private int entries;
  private long[] packed = new long[0];
  private int[] missRows = new int[0];
  private int[] missPositions = new int[0];
  private int[] missGroups = new int[0];
  private int packFailures;

  PackedGroupTable(KeyPacker packer, int[] keyColumns) {
    this.packer = packer;
    this.serialized = new SerializedGroupTable(keyColumns);
  }

  @Override
  public void assign(Batch batch, int[] groups) {
    int size = batch.size();
    if (packed.length < size) {
      packed = new long[size];
      missRows = new int[size];
      missPositions = new int[size];
      missGroups = new int[size];
    }
    if (packFailures > MAX_PACK_FAILURES || !packer.pack(batch, packed)) {
      // Keys that were too wide for a few batches (names, not codes) will stay so.
      packFailures++;
      serialized.assign(batch, groups);
      return;
    }
    int misses = 0;
    for (int j = 0; j < size; j++) {
      int group = lookup(packed[j]);
      if (group < 0) {
        missRows[misses] = batch.row(j);
        missPositions[misses++] = j;
      } else {
        groups[j] = group;
      }
    }
    if (misses > 0) {
      serialized.assign(batch.withSelection(missRows, misses), missGroups);
      for (int m = 0; m < misses; m++) {
        groups[missPositions[m]] = missGroups[m];
        remember(packed[missPositions[m]], missGroups[m]);
      }
    }
  }

  private int lookup(long key) {
    int index = (int) Hashing.mix(key) & mask;
    while (true) {
      int slot = slotGroups[index];
      if (slot == 0) {
        return -1;
      }
      if (slotKeys[index] == key) {
        return slot - 1;
      }
      index = (index + 1) & mask;
    }
  }

  /** Adds key → group unless the key is there already (a batch may miss it twice). */
  private void remember(long key, int group) {
    int index = (int) Hashing.mix(key) & mask;
    while (slotGroups[index] != 0) {
      if (slotKeys[index] == key) {
        return;
      }
      index = (index + 1) & mask;
    }
    slotKeys[index] = key;
    slotGroups[index] = group + 1;
    if (++entries * 2 > slotKeys.length) {
      grow();
    }
  }

  private void grow() {
    long[] oldKeys = slotKeys;
    int[] oldGroups = slotGroups;
    slotKeys = new long[oldKeys.length * 2];
    slotGroups = new int[oldGroups.length * 2];
    mask = slotKeys.length - 1;
    for (int s = 0; s < oldKeys.length; s++) {
      if (oldGroups[s] != 0) {
        int index = (int) Hashing.mix(oldKeys[s]) & mask;
        while (slotGroups[index] != 0) {
          index = (index + 1) & mask;
        }
        slotKeys[index] = oldKeys[s];
        slotGroups[index] = oldGroups[s];
      }
    }
  }

  @Override
  public int groupCount() {
    return serialized.groupCount();
  }

  @Override
  public int[] mergeFrom(GroupTable other) {
    return serialized.mergeFrom(((PackedGroupTable) other).serialized);
  }

  @Override
  public void writeKeys(FieldVector[] keys, int from, int count) {
    serialized.writeKeys(keys, from, count);
  }

  @Override
  public long memoryBytes() {
    return serialized.memoryBytes() + slotKeys.length * 12L + packed.length * 20L;
  }
}
