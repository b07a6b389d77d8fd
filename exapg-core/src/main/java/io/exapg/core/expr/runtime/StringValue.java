package io.exapg.core.expr.runtime;

import java.nio.charset.StandardCharsets;

/**
 * A reusable holder of one UTF-8 string value in generated expression code: each expression
 * node owns one, so evaluating strings row by row does not allocate.
 */
public final class StringValue {
  private static final byte[] EMPTY = new byte[0];

  public byte[] bytes = EMPTY;
  public int offset;
  public int length;

  public static StringValue of(String text) {
    StringValue value = new StringValue();
    value.bytes = text.getBytes(StandardCharsets.UTF_8);
    value.length = value.bytes.length;
    return value;
  }

  /** Makes room for n bytes at offset 0; contents are not kept. */
  public byte[] reserve(int n) {
    if (bytes.length < n || bytes == EMPTY) {
      bytes = new byte[Math.max(n, Math.max(32, bytes.length * 2))];
    }
    offset = 0;
    return bytes;
  }

  public void set(byte[] source, int sourceOffset, int sourceLength) {
    byte[] target = reserve(sourceLength);
    System.arraycopy(source, sourceOffset, target, 0, sourceLength);
    length = sourceLength;
  }

  public void set(String text) {
    byte[] encoded = text.getBytes(StandardCharsets.UTF_8);
    bytes = encoded;
    offset = 0;
    length = encoded.length;
  }

  /** Holds the given bytes themselves, not a copy: they must not change while held. */
  public void set(byte[] value) {
    bytes = value;
    offset = 0;
    length = value.length;
  }

  public byte byteAt(int index) {
    return bytes[offset + index];
  }

  @Override
  public String toString() {
    return new String(bytes, offset, length, StandardCharsets.UTF_8);
  }
}
