package io.exapg.core.type;

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
}
