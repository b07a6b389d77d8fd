package io.exapg.core.exec.hash;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Hash mixing for keys: a 64-bit finalizer for longs and a word-at-a-time hash for bytes. */
public final class Hashing {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long MULTIPLIER = 0x9E3779B97F4A7C15L;

  private Hashing() {
  }

  public static long mix(long key) {
    long h = key * MULTIPLIER;
    h ^= h >>> 32;
    h *= 0xD6E8FEB86659FD93L;
    h ^= h >>> 32;
    return h;
  }

  public static long hashBytes(byte[] bytes, int offset, int length) {
    long h = length * MULTIPLIER;
    int i = offset;
    int end = offset + length;
    while (i + 8 <= end) {
      h = Long.rotateLeft(h ^ mix((long) LONGS.get(bytes, i)), 27) * 5 + 0x52DCE729;
      i += 8;
    }
    long tail = 0;
    int shift = 0;
    while (i < end) {
      tail |= (bytes[i] & 0xFFL) << shift;
      shift += 8;
      i++;
    }
    return mix(h ^ mix(tail + length));
  }

  public static int capacityFor(int entries) {
    int capacity = Integer.highestOneBit(Math.max(16, entries) * 2 - 1) << 1;
    return Math.max(16, capacity);
  }
}
