package io.exapg.core.type;

import java.nio.charset.StandardCharsets;

/** How values of a type are laid out in an Arrow vector: bit, fixed width, or variable width. */
public enum PhysicalType {
  BIT(0),
  INT16(2),
  INT32(4),
  INT64(8),
  FLOAT32(4),
  FLOAT64(8),
  VARBINARY(-1);

  private final int byteWidth;

  PhysicalType(int byteWidth) {
    this.byteWidth = byteWidth;
  }

  /** Bytes per value in the data buffer; 0 for bits, -1 for variable width. */
  public int byteWidth() {
    return byteWidth;
  }

  public boolean isFixedWidth() {
    return byteWidth > 0;
  }

  /**
   * The bytes a VARBINARY value is stored as, from its Java representation: the UTF-8 of a
   * String, a bytea's byte[] itself.
   */
  public static byte[] storedBytes(Object value) {
    return value instanceof byte[] bytes ? bytes
        : ((String) value).getBytes(StandardCharsets.UTF_8);
  }
}
