package io.exapg.core.exec.hash;

import io.exapg.core.batch.Batch;
import io.exapg.core.batch.Vectors;
import io.exapg.core.type.PhysicalType;
import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/**
 * Encodes the key columns of each live row of a batch into one byte string, so that rows
 * with equal keys (NULL equal to NULL) get equal bytes. Layout per column: a null byte, then
 * 8 bytes for a fixed-width value or a 4-byte length and the UTF-8 bytes for a string.
 * Written column by column, so the type dispatch happens once per column and batch.
 */
public final class KeySerializer {
  private final int[] keyColumns;
  private byte[] bytes = new byte[1 << 16];
  private int[] offsets = new int[1025];
  private int[] cursor = new int[1024];
  private long[] values = new long[1024];

  public KeySerializer(int[] keyColumns) {
    this.keyColumns = keyColumns;
  }

  public byte[] bytes() {
    return bytes;
  }

  /** Start of row j's key; its end is offset(j + 1). */
  public int offset(int j) {
    return offsets[j];
  }

  public int length(int j) {
    return offsets[j + 1] - offsets[j];
  }

  /** Whether row j has a NULL in any key column (for joins, where NULL never matches). */
  public boolean hasNull(int j) {
    int position = offsets[j];
    for (int c = 0; c < keyColumns.length; c++) {
      if (bytes[position] != 0) {
        return true;
      }
      int lengthOfValue = bytes[position + 1] == 'S'
          ? 6 + readIntAt(bytes, position + 2) : 10;
      position += lengthOfValue;
    }
    return false;
  }

  public void serialize(Batch batch) {
    int size = batch.size();
    int[] selection = batch.selection();
    if (offsets.length < size + 1) {
      offsets = new int[Math.max(size + 1, offsets.length * 2)];
    }
    Arrays.fill(offsets, 0, size + 1, 0);
    for (int column : keyColumns) {
      FieldVector vector = batch.column(column);
      if (Vectors.physicalTypeOf(vector) == PhysicalType.VARBINARY) {
        ArrowBuf valueOffsets = vector.getOffsetBuffer();
        ArrowBuf valid = vector.getValidityBuffer();
        boolean noNulls = vector.getNullCount() == 0;
        for (int j = 0; j < size; j++) {
          int i = selection == null ? j : selection[j];
          boolean isNull = !noNulls && BitVectorHelper.get(valid, i) == 0;
          int length = isNull ? 0 : valueOffsets.getInt(((long) i + 1) << 2)
              - valueOffsets.getInt((long) i << 2);
          offsets[j + 1] += 6 + length;
        }
      } else {
        for (int j = 0; j < size; j++) {
          offsets[j + 1] += 10;
        }
      }
    }
    for (int j = 0; j < size; j++) {
      offsets[j + 1] += offsets[j];
    }
    int total = offsets[size];
    if (bytes.length < total) {
      bytes = new byte[Math.max(total, bytes.length * 2)];
    }
    if (cursor.length < size) {
      cursor = new int[Math.max(size, cursor.length * 2)];
    }
    System.arraycopy(offsets, 0, cursor, 0, size);
    for (int column : keyColumns) {
      writeColumn(batch.column(column), selection, size, cursor);
    }
  }

  private void writeColumn(FieldVector vector, int[] selection, int size, int[] cursor) {
    ArrowBuf data = vector.getDataBuffer();
    ArrowBuf valid = vector.getValidityBuffer();
    boolean noNulls = vector.getNullCount() == 0;
    PhysicalType type = Vectors.physicalTypeOf(vector);
    byte[] out = bytes;
    if (type == PhysicalType.VARBINARY) {
      ArrowBuf valueOffsets = vector.getOffsetBuffer();
      for (int j = 0; j < size; j++) {
        int i = selection == null ? j : selection[j];
        int p = cursor[j];
        boolean isNull = !noNulls && BitVectorHelper.get(valid, i) == 0;
        int start = valueOffsets.getInt((long) i << 2);
        int length = isNull ? 0 : valueOffsets.getInt(((long) i + 1) << 2) - start;
        out[p] = (byte) (isNull ? 1 : 0);
        out[p + 1] = 'S';
        writeInt(out, p + 2, length);
        if (length > 16) {
          data.getBytes(start, out, p + 6, length);
        } else {
          // Short strings (flags, codes) byte by byte: cheaper than a bulk copy's setup.
          for (int b = 0; b < length; b++) {
            out[p + 6 + b] = data.getByte(start + b);
          }
        }
        cursor[j] = p + 6 + length;
      }
      return;
    }
    if (values.length < size) {
      values = new long[Math.max(size, values.length * 2)];
    }
    switch (type) {
      case BIT -> {
        for (int j = 0; j < size; j++) {
          values[j] = BitVectorHelper.get(data, selection == null ? j : selection[j]);
        }
      }
      case INT16 -> {
        for (int j = 0; j < size; j++) {
          values[j] = data.getShort((long) (selection == null ? j : selection[j]) << 1);
        }
      }
      case INT32 -> {
        for (int j = 0; j < size; j++) {
          values[j] = data.getInt((long) (selection == null ? j : selection[j]) << 2);
        }
      }
      case INT64 -> {
        for (int j = 0; j < size; j++) {
          values[j] = data.getLong((long) (selection == null ? j : selection[j]) << 3);
        }
      }
      case FLOAT32 -> {
        for (int j = 0; j < size; j++) {
          values[j] = ColumnReader.canonical(
              data.getFloat((long) (selection == null ? j : selection[j]) << 2));
        }
      }
      case FLOAT64 -> {
        for (int j = 0; j < size; j++) {
          values[j] = ColumnReader.canonical(
              data.getDouble((long) (selection == null ? j : selection[j]) << 3));
        }
      }
      default -> throw new IllegalStateException();
    }
    for (int j = 0; j < size; j++) {
      int p = cursor[j];
      boolean isNull = !noNulls
          && BitVectorHelper.get(valid, selection == null ? j : selection[j]) == 0;
      out[p] = (byte) (isNull ? 1 : 0);
      out[p + 1] = 'F';
      writeLong(out, p + 2, isNull ? 0 : values[j]);
      cursor[j] = p + 10;
    }
  }

  static void writeInt(byte[] out, int p, int value) {
    out[p] = (byte) value;
    out[p + 1] = (byte) (value >>> 8);
    out[p + 2] = (byte) (value >>> 16);
    out[p + 3] = (byte) (value >>> 24);
  }

  public static int readIntAt(byte[] in, int p) {
    return (in[p] & 0xFF) | (in[p + 1] & 0xFF) << 8 | (in[p + 2] & 0xFF) << 16
        | (in[p + 3] & 0xFF) << 24;
  }

  static void writeLong(byte[] out, int p, long value) {
    for (int k = 0; k < 8; k++) {
      out[p + k] = (byte) (value >>> (8 * k));
    }
  }

  public static long readLongAt(byte[] in, int p) {
    long value = 0;
    for (int k = 7; k >= 0; k--) {
      value = (value << 8) | (in[p + k] & 0xFF);
    }
    return value;
  }
}
