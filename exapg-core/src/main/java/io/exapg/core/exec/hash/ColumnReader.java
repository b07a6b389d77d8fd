package io.exapg.core.exec.hash;

import io.exapg.core.batch.Batch;
import io.exapg.core.batch.Vectors;
import io.exapg.core.type.PhysicalType;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/**
 * Reads one column of a batch into primitive arrays indexed by live row: as longs (integral,
 * date and time types and booleans exactly; floating point as canonical bits, so that equal
 * values give equal longs) or as doubles.
 */
public final class ColumnReader {
  private ColumnReader() {
  }

  /** Whether a column of this physical type can be read as one long per row. */
  public static boolean fitsInLong(PhysicalType type) {
    return type != PhysicalType.VARBINARY;
  }

  /**
   * For the live rows j of the batch: keys[j] = the value; nulls[j] = whether it is null.
   * Returns true if any row is null.
   */
  public static boolean readLongs(Batch batch, int column, long[] keys, boolean[] nulls) {
    FieldVector vector = batch.column(column);
    ArrowBuf data = vector.getDataBuffer();
    int size = batch.size();
    int[] selection = batch.selection();
    PhysicalType type = Vectors.physicalTypeOf(vector);
    switch (type) {
      case BIT -> {
        for (int j = 0; j < size; j++) {
          int i = selection == null ? j : selection[j];
          keys[j] = BitVectorHelper.get(data, i);
        }
      }
      case INT16 -> {
        for (int j = 0; j < size; j++) {
          int i = selection == null ? j : selection[j];
          keys[j] = data.getShort((long) i << 1);
        }
      }
      case INT32 -> {
        for (int j = 0; j < size; j++) {
          int i = selection == null ? j : selection[j];
          keys[j] = data.getInt((long) i << 2);
        }
      }
      case INT64 -> {
        for (int j = 0; j < size; j++) {
          int i = selection == null ? j : selection[j];
          keys[j] = data.getLong((long) i << 3);
        }
      }
      case FLOAT32 -> {
        for (int j = 0; j < size; j++) {
          int i = selection == null ? j : selection[j];
          keys[j] = canonical(data.getFloat((long) i << 2));
        }
      }
      case FLOAT64 -> {
        for (int j = 0; j < size; j++) {
          int i = selection == null ? j : selection[j];
          keys[j] = canonical(data.getDouble((long) i << 3));
        }
      }
      default -> throw new IllegalStateException("not a long key: " + type);
    }
    return readNulls(batch, column, nulls);
  }

  /** For the live rows j: values[j] = the float or double value; returns true if any is null. */
  public static boolean readDoubles(Batch batch, int column, double[] values, boolean[] nulls) {
    FieldVector vector = batch.column(column);
    ArrowBuf data = vector.getDataBuffer();
    int size = batch.size();
    int[] selection = batch.selection();
    if (Vectors.physicalTypeOf(vector) == PhysicalType.FLOAT32) {
      for (int j = 0; j < size; j++) {
        int i = selection == null ? j : selection[j];
        values[j] = data.getFloat((long) i << 2);
      }
    } else {
      for (int j = 0; j < size; j++) {
        int i = selection == null ? j : selection[j];
        values[j] = data.getDouble((long) i << 3);
      }
    }
    return readNulls(batch, column, nulls);
  }

  /** nulls[j] = whether live row j is null; returns true if any is. */
  public static boolean readNulls(Batch batch, int column, boolean[] nulls) {
    FieldVector vector = batch.column(column);
    int size = batch.size();
    if (vector.getNullCount() == 0) {
      java.util.Arrays.fill(nulls, 0, size, false);
      return false;
    }
    ArrowBuf valid = vector.getValidityBuffer();
    int[] selection = batch.selection();
    boolean any = false;
    for (int j = 0; j < size; j++) {
      int i = selection == null ? j : selection[j];
      boolean isNull = BitVectorHelper.get(valid, i) == 0;
      nulls[j] = isNull;
      any |= isNull;
    }
    return any;
  }

  /** Equal doubles (including -0 and 0, and all NaNs) map to equal longs. */
  public static long canonical(double value) {
    if (value == 0) {
      return 0;
    }
    if (Double.isNaN(value)) {
      return Double.doubleToLongBits(Double.NaN);
    }
    return Double.doubleToLongBits(value);
  }
}
