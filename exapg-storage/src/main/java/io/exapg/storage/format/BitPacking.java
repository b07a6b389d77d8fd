package io.exapg.storage.format;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.apache.arrow.memory.ArrowBuf;

/**
 * Packs unsigned values of a fixed bit width back to back, least significant bit first. Packed
 * arrays carry 8 bytes of zero padding so that reads may fetch a whole word at the end.
 */
public final class BitPacking {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private BitPacking() {
  }

  /** Bits needed for values 0..maximum (unsigned). */
  public static int bitsFor(long maximum) {
    return 64 - Long.numberOfLeadingZeros(maximum);
  }

  public static int packedLength(int count, int bits) {
    return (int) (((long) count * bits + 7) / 8) + 8;
  }

  public static byte[] pack(long[] values, int offset, int count, int bits) {
    byte[] out = new byte[packedLength(count, bits) + 1];
    if (bits == 0) {
      return out;
    }
    long mask = bits == 64 ? -1L : (1L << bits) - 1;
    long bitPosition = 0;
    for (int i = 0; i < count; i++) {
      long value = values[offset + i] & mask;
      int byteIndex = (int) (bitPosition >>> 3);
      int shift = (int) (bitPosition & 7);
      long word = (long) LONGS.get(out, byteIndex);
      LONGS.set(out, byteIndex, word | (value << shift));
      if (shift + bits > 64) {
        out[byteIndex + 8] |= (byte) (value >>> (64 - shift));
      }
      bitPosition += bits;
    }
    return out;
  }

  /** out[i] = base + the i-th packed value, for i below count. */
  public static void unpack(byte[] in, int offset, int count, int bits, long base, long[] out) {
    if (bits == 0) {
      java.util.Arrays.fill(out, 0, count, base);
      return;
    }
    long mask = bits == 64 ? -1L : (1L << bits) - 1;
    long bitPosition = (long) offset * 8;
    if (bits <= 57) {
      // A value starts at most 7 bits into a byte, so one little-endian word always holds it.
      for (int i = 0; i < count; i++) {
        long word = (long) LONGS.get(in, (int) (bitPosition >>> 3));
        out[i] = base + ((word >>> (bitPosition & 7)) & mask);
        bitPosition += bits;
      }
      return;
    }
    for (int i = 0; i < count; i++) {
      int byteIndex = (int) (bitPosition >>> 3);
      int shift = (int) (bitPosition & 7);
      long word = ((long) LONGS.get(in, byteIndex)) >>> shift;
      if (shift + bits > 64) {
        word |= (in[byteIndex + 8] & 0xFFL) << (64 - shift);
      }
      out[i] = base + (word & mask);
      bitPosition += bits;
    }
  }

  /**
   * Like {@link #unpack}, but writes each value straight into an Arrow buffer as a
   * little-endian integer of width bytes (8, 4 or 2).
   */
  public static void unpackInto(byte[] in, int offset, int count, int bits, long base,
      ArrowBuf out, int width) {
    if (bits == 0 || bits > 57) {
      unpackIntoSlowly(in, offset, count, bits, base, out, width);
      return;
    }
    // One loop per width without branches per value; a value starts at most 7 bits into a
    // byte, so one little-endian word holds it.
    long mask = (1L << bits) - 1;
    long bitPosition = (long) offset * 8;
    switch (width) {
      case 8 -> {
        for (int i = 0; i < count; i++) {
          long word = (long) LONGS.get(in, (int) (bitPosition >>> 3));
          out.setLong((long) i << 3, base + ((word >>> (bitPosition & 7)) & mask));
          bitPosition += bits;
        }
      }
      case 4 -> {
        for (int i = 0; i < count; i++) {
          long word = (long) LONGS.get(in, (int) (bitPosition >>> 3));
          out.setInt((long) i << 2, (int) (base + ((word >>> (bitPosition & 7)) & mask)));
          bitPosition += bits;
        }
      }
      default -> {
        for (int i = 0; i < count; i++) {
          long word = (long) LONGS.get(in, (int) (bitPosition >>> 3));
          out.setShort((long) i << 1, (short) (base + ((word >>> (bitPosition & 7)) & mask)));
          bitPosition += bits;
        }
      }
    }
  }

  private static void unpackIntoSlowly(byte[] in, int offset, int count, int bits, long base,
      ArrowBuf out, int width) {
    long mask = bits == 64 ? -1L : bits == 0 ? 0 : (1L << bits) - 1;
    long bitPosition = (long) offset * 8;
    for (int i = 0; i < count; i++) {
      long value;
      if (bits == 0) {
        value = base;
      } else {
        int byteIndex = (int) (bitPosition >>> 3);
        int shift = (int) (bitPosition & 7);
        long word = ((long) LONGS.get(in, byteIndex)) >>> shift;
        if (shift + bits > 64) {
          word |= (in[byteIndex + 8] & 0xFFL) << (64 - shift);
        }
        value = base + (word & mask);
        bitPosition += bits;
      }
      switch (width) {
        case 8 -> out.setLong((long) i << 3, value);
        case 4 -> out.setInt((long) i << 2, (int) value);
        default -> out.setShort((long) i << 1, (short) value);
      }
    }
  }
}
