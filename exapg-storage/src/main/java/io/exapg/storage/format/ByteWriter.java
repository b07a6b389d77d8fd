package io.exapg.storage.format;

import java.util.Arrays;

/** A growable little-endian byte buffer for building file structures. */
public final class ByteWriter {
  private byte[] bytes;
  private int size;

  public ByteWriter(int initialCapacity) {
    bytes = new byte[Math.max(16, initialCapacity)];
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(size + more, bytes.length * 2));
    }
  }

  public ByteWriter u8(int value) {
    ensure(1);
    bytes[size++] = (byte) value;
    return this;
  }

  public ByteWriter u16(int value) {
    ensure(2);
    bytes[size++] = (byte) value;
    bytes[size++] = (byte) (value >>> 8);
    return this;
  }

  public ByteWriter u32(int value) {
    ensure(4);
    for (int k = 0; k < 4; k++) {
      bytes[size++] = (byte) (value >>> (8 * k));
    }
    return this;
  }

  public ByteWriter u64(long value) {
    ensure(8);
    for (int k = 0; k < 8; k++) {
      bytes[size++] = (byte) (value >>> (8 * k));
    }
    return this;
  }

  public ByteWriter f64(double value) {
    return u64(Double.doubleToRawLongBits(value));
  }

  public ByteWriter bytes(byte[] source) {
    return bytes(source, 0, source.length);
  }

  public ByteWriter bytes(byte[] source, int offset, int length) {
    ensure(length);
    System.arraycopy(source, offset, bytes, size, length);
    size += length;
    return this;
  }

  /** A u32 length followed by the bytes. */
  public ByteWriter block(byte[] source) {
    u32(source.length);
    return bytes(source);
  }

  public int size() {
    return size;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }
}
