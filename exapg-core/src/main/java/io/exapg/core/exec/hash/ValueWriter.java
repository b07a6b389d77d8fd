package io.exapg.core.exec.hash;

import io.exapg.core.batch.Vectors;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Writes single values into vectors whose capacity is already allocated. Used where output
 * is produced once per group, not per input row.
 */
public final class ValueWriter {
  private ValueWriter() {
  }

  /** Writes a value given as a long (canonical bits for floating point). */
  public static void setLong(FieldVector vector, int row, long value) {
    ArrowBuf data = vector.getDataBuffer();
    BitVectorHelper.setBit(vector.getValidityBuffer(), row);
    switch (Vectors.physicalTypeOf(vector)) {
      case BIT -> {
        if (value != 0) {
          BitVectorHelper.setBit(data, row);
        } else {
          BitVectorHelper.unsetBit(data, row);
        }
      }
      case INT16 -> data.setShort((long) row << 1, (short) value);
      case INT32 -> data.setInt((long) row << 2, (int) value);
      case INT64 -> data.setLong((long) row << 3, value);
      case FLOAT32 -> data.setFloat((long) row << 2, (float) Double.longBitsToDouble(value));
      case FLOAT64 -> data.setLong((long) row << 3, value);
      default -> throw new IllegalStateException();
    }
  }

  public static void setDouble(FieldVector vector, int row, double value) {
    ArrowBuf data = vector.getDataBuffer();
    BitVectorHelper.setBit(vector.getValidityBuffer(), row);
    switch (Vectors.physicalTypeOf(vector)) {
      case FLOAT32 -> data.setFloat((long) row << 2, (float) value);
      case FLOAT64 -> data.setDouble((long) row << 3, value);
      default -> throw new IllegalStateException();
    }
  }

  public static void setBytes(FieldVector vector, int row, byte[] bytes, int offset, int length) {
    ((VarCharVector) vector).setSafe(row, bytes, offset, length);
  }

  /** Writes a value in its type's physical Java representation; null writes NULL. */
  public static void setObject(FieldVector vector, int row, Object value) {
    if (value == null) {
      setNull(vector, row);
      return;
    }
    switch (value) {
      case Boolean b -> setLong(vector, row, b ? 1 : 0);
      case Integer i -> setLong(vector, row, i);
      case Long l -> setLong(vector, row, l);
      case Float f -> setDouble(vector, row, f);
      case Double d -> setDouble(vector, row, d);
      case String s -> {
        byte[] bytes = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        setBytes(vector, row, bytes, 0, bytes.length);
      }
      case byte[] bytes -> setBytes(vector, row, bytes, 0, bytes.length);
      default -> throw new IllegalArgumentException("unexpected value " + value.getClass());
    }
  }

  public static void setNull(FieldVector vector, int row) {
    if (vector instanceof VarCharVector varChar) {
      varChar.setNull(row);
    } else {
      BitVectorHelper.unsetBit(vector.getValidityBuffer(), row);
    }
  }
}
