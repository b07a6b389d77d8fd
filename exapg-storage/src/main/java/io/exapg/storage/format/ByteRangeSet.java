package io.exapg.storage.format;

import java.util.Arrays;

/**
 * The distinct strings of a chunk, held as rows of the chunk's data rather than copies, in an
 * open-addressing hash table; gives up once there are more than a limit.
 */
final class ByteRangeSet {
  private final byte[] bytes;
  private final int[] offsets;
  private final int[] slots;
  private final int mask;
  private int[] rows = new int[64];
  private int size;

  ByteRangeSet(byte[] bytes, int[] offsets, int limit) {
    this.bytes = bytes;
    this.offsets = offsets;
    int capacity = Integer.highestOneBit(Math.max(limit, 1) * 2 + 1) << 1;
    this.slots = new int[capacity];
    this.mask = capacity - 1;
  }

  int size() {
    return size;
  }

  /** The row holding the i-th distinct string, in order of first appearance. */
  int row(int i) {
    return rows[i];
  }

  /** The index of the row's string among the distinct ones, adding it if new. */
  int add(int row) {
    int from = offsets[row];
    int to = offsets[row + 1];
    int slot = hash(from, to) & mask;
    while (slots[slot] != 0) {
      int candidate = rows[slots[slot] - 1];
      if (Arrays.equals(bytes, from, to, bytes, offsets[candidate], offsets[candidate + 1])) {
        return slots[slot] - 1;
      }
      slot = (slot + 1) & mask;
    }
    if (size == rows.length) {
      rows = Arrays.copyOf(rows, size * 2);
    }
    rows[size] = row;
    slots[slot] = ++size;
    return size - 1;
  }

  private int hash(int from, int to) {
    int h = to - from;
    for (int i = from; i < to; i++) {
      h = 31 * h + bytes[i];
    }
    return h ^ (h >>> 16);
  }
}
