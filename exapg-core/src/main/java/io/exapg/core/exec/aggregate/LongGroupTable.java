package io.exapg.core.exec.aggregate;

import io.exapg.core.batch.Batch;
import io.exapg.core.exec.hash.ColumnReader;
import io.exapg.core.exec.hash.Hashing;
import io.exapg.core.exec.hash.ValueWriter;
import java.util.Arrays;
import org.apache.arrow.vector.FieldVector;

/**
 * Groups on one fixed-width key column read as longs: open addressing with linear probing
 * over a slot array of group numbers; NULL is a group of its own.
 */
final class LongGroupTable implements GroupTable {
  private final int keyColumn;
  private int[] slots;
  private int mask;
  private long[] groupKeys = new long[256];
  private int groupCount;
  private int nullGroup = -1;
  private long[] keys = new long[0];
  private boolean[] nulls = new boolean[0];

  LongGroupTable(int keyColumn) {
    this.keyColumn = keyColumn;
    this.slots = new int[1024];
    this.mask = slots.length - 1;
  }

  @Override
  public void assign(Batch batch, int[] groups) {
    int size = batch.size();
    if (keys.length < size) {
      keys = new long[size];
      nulls = new boolean[size];
    }
    boolean anyNull = ColumnReader.readLongs(batch, keyColumn, keys, nulls);
    for (int j = 0; j < size; j++) {
      groups[j] = anyNull && nulls[j] ? nullGroup() : find(keys[j]);
    }
  }

  private int nullGroup() {
    if (nullGroup < 0) {
      nullGroup = newGroup(0);
    }
    return nullGroup;
  }

  private int find(long key) {
    int index = (int) Hashing.mix(key) & mask;
    while (true) {
      int slot = slots[index];
      if (slot == 0) {
        int group = newGroup(key);
        slots[index] = group + 1;
        if (groupCount * 2 > slots.length) {
          rehash();
        }
        return group;
      }
      if (groupKeys[slot - 1] == key && slot - 1 != nullGroup) {
        return slot - 1;
      }
      index = (index + 1) & mask;
    }
  }

  private int newGroup(long key) {
    if (groupCount == groupKeys.length) {
      groupKeys = Arrays.copyOf(groupKeys, groupCount * 2);
    }
    groupKeys[groupCount] = key;
    return groupCount++;
  }

  private void rehash() {
    int[] newSlots = new int[slots.length * 2];
    int newMask = newSlots.length - 1;
    for (int group = 0; group < groupCount; group++) {
      if (group == nullGroup) {
        continue;
      }
      int index = (int) Hashing.mix(groupKeys[group]) & newMask;
      while (newSlots[index] != 0) {
        index = (index + 1) & newMask;
      }
      newSlots[index] = group + 1;
    }
    slots = newSlots;
    mask = newMask;
  }

  @Override
  public int groupCount() {
    return groupCount;
  }

  @Override
  public int[] mergeFrom(GroupTable other) {
    LongGroupTable source = (LongGroupTable) other;
    int[] mapping = new int[source.groupCount];
    for (int group = 0; group < source.groupCount; group++) {
      mapping[group] = group == source.nullGroup ? nullGroup() : find(source.groupKeys[group]);
    }
    return mapping;
  }

  @Override
  public void writeKeys(FieldVector[] out, int from, int count) {
    FieldVector vector = out[0];
    for (int k = 0; k < count; k++) {
      int group = from + k;
      if (group == nullGroup) {
        ValueWriter.setNull(vector, k);
      } else {
        ValueWriter.setLong(vector, k, groupKeys[group]);
      }
    }
  }

  @Override
  public long memoryBytes() {
    return slots.length * 4L + groupKeys.length * 8L + keys.length * 9L;
  }
}
