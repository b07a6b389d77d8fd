package io.exapg.storage.format;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;

/** Reads little-endian values from a byte array, failing as corrupt data past its end. */
public final class ByteReader {
  private final byte[] bytes;
  private final int end;
  private int position;

  public ByteReader(byte[] bytes) {
    this(bytes, 0, bytes.length);
  }

  public ByteReader(byte[] bytes, int offset, int length) {
    this.bytes = bytes;
    this.position = offset;
    this.end = offset + length;
  }

  private void need(int count) {
    if (count < 0 || position + count > end) {
      throw new ExaException(SqlState.DATA_CORRUPTED,
          "corrupt data: structure ends early (need " + count + " bytes at " + position + ")");
    }
  }

  public int u8() {
    need(1);
    return bytes[position++] & 0xFF;
  }

  public int u16() {
    need(2);
    int value = (bytes[position] & 0xFF) | (bytes[position + 1] & 0xFF) << 8;
    position += 2;
    return value;
  }

  public int u32() {
    need(4);
    int value = 0;
    for (int k = 0; k < 4; k++) {
      value |= (bytes[position + k] & 0xFF) << (8 * k);
    }
    position += 4;
    return value;
  }

  public long u64() {
    need(8);
    long value = 0;
    for (int k = 7; k >= 0; k--) {
      value = (value << 8) | (bytes[position + k] & 0xFF);
    }
    position += 8;
    return value;
  }

  public double f64() {
    return Double.longBitsToDouble(u64());
  }

  public byte[] bytes(int count) {
    need(count);
    byte[] result = java.util.Arrays.copyOfRange(bytes, position, position + count);
    position += count;
    return result;
  }

  public byte[] block() {
    return bytes(u32());
  }

  /** Skips count bytes and returns where they started. */
  public int skip(int count) {
    need(count);
    int start = position;
    position += count;
    return start;
  }

  public int position() {
    return position;
  }

  public byte[] array() {
    return bytes;
  }

  public boolean hasRemaining() {
    return position < end;
  }
}
