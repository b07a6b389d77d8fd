package io.exapg.core.exec.aggregate;

import io.exapg.core.batch.Batch;
import io.exapg.core.exec.hash.Hashing;
import io.exapg.core.exec.hash.KeySerializer;
import java.util.Arrays;
import org.apache.arrow.vector.FieldVector;

/**
 * Groups on any key columns: each row's keys are serialized to bytes (see
 * {@link KeySerializer}); groups keep their key bytes in one arena.
 */
final class SerializedGroupTable implements GroupTable {
  private final KeySerializer serializer;
  private int[] slots = new int[1024];
  private int mask = slots.length - 1;
  private long[] groupHashes = new long[256];
  private int[] groupOffsets = new int[257];
  private byte[] arena = new byte[1 << 14];
  private int groupCount;

  SerializedGroupTable(int[] keyColumns) {
    this.serializer = new KeySerializer(keyColumns);
  }

  @Override
  public void assign(Batch batch, int[] groups) {
    serializer.serialize(batch);
    byte[] bytes = serializer.bytes();
    int size = batch.size();
    for (int j = 0; j < size; j++) {
      int offset = serializer.offset(j);
      int length = serializer.length(j);
      groups[j] = find(bytes, offset, length, Hashing.hashBytes(bytes, offset, length));
    }
  }

  private int find(byte[] bytes, int offset, int length, long hash) {
    int index = (int) hash & mask;
    while (true) {
      int slot = slots[index];
      if (slot == 0) {
        int group = newGroup(bytes, offset, length, hash);
        slots[index] = group + 1;
        if (groupCount * 2 > slots.length) {
          rehash();
        }
        return group;
      }
      int group = slot - 1;
      if (groupHashes[group] == hash && Arrays.equals(arena, groupOffsets[group],
          groupOffsets[group + 1], bytes, offset, offset + length)) {
        return group;
      }
      index = (index + 1) & mask;
    }
  }

  private int newGroup(byte[] bytes, int offset, int length, long hash) {
    if (groupCount == groupHashes.length) {
      groupHashes = Arrays.copyOf(groupHashes, groupCount * 2);
      groupOffsets = Arrays.copyOf(groupOffsets, groupCount * 2 + 1);
    }
    int start = groupOffsets[groupCount];
    if (arena.length < start + length) {
      arena = Arrays.copyOf(arena, Math.max(start + length, arena.length * 2));
    }
    System.arraycopy(bytes, offset, arena, start, length);
    groupHashes[groupCount] = hash;
    groupOffsets[groupCount + 1] = start + length;
    return groupCount++;
  }

  private void rehash() {
    int[] newSlots = new int[slots.length * 2];
    int newMask = newSlots.length - 1;
    for (int group = 0; group < groupCount; group++) {
      int index = (int) groupHashes[group] & newMask;
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
    SerializedGroupTable source = (SerializedGroupTable) other;
    int[] mapping = new int[source.groupCount];
    for (int group = 0; group < source.groupCount; group++) {
      int offset = source.groupOffsets[group];
      mapping[group] = find(source.arena, offset, source.groupOffsets[group + 1] - offset,
          source.groupHashes[group]);
    }
    return mapping;
  }

  @Override
  public void writeKeys(FieldVector[] out, int from, int count) {
    for (int k = 0; k < count; k++) {
      int group = from + k;
      KeyDecoder.decode(arena, groupOffsets[group], out, k);
    }
  }

  @Override
  public long memoryBytes() {
    return slots.length * 4L + groupHashes.length * 12L + arena.length;
  }
}
