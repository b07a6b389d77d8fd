package io.exapg.storage.format;

import io.exapg.core.type.DataType;
import io.exapg.core.type.PhysicalType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * An immutable view of a column's rows on the heap: longs for fixed-width exact types (and
 * booleans as 0/1), doubles for floating point, offsets and UTF-8 bytes for strings. The arrays
 * may be longer than size and may be shared with a growing {@link ColumnBuffer}, which only
 * ever writes beyond this view's size.
 */
public record ColumnData(DataType type, int size, long[] longs, double[] doubles, byte[] bytes,
    int[] offsets, boolean[] nulls) {

  /** A copy that owns its arrays, trimmed to size (decoding fills reused scratch arrays). */
  public ColumnData copy() {
    return new ColumnData(type, size,
        longs == null ? null : Arrays.copyOf(longs, size),
        doubles == null ? null : Arrays.copyOf(doubles, size),
        bytes == null ? null : Arrays.copyOf(bytes, offsets[size]),
        offsets == null ? null : Arrays.copyOf(offsets, size + 1),
        nulls == null ? null : Arrays.copyOf(nulls, size));
  }

  /** Heap bytes of the arrays, for cache budgets. */
  public long memoryBytes() {
    return 64 + (longs == null ? 0 : longs.length * 8L)
        + (doubles == null ? 0 : doubles.length * 8L) + (bytes == null ? 0 : bytes.length)
        + (offsets == null ? 0 : offsets.length * 4L) + (nulls == null ? 0 : nulls.length);
  }

  public boolean isNull(int row) {
    return nulls != null && nulls[row];
  }

  public String string(int row) {
    return new String(bytes, offsets[row], offsets[row + 1] - offsets[row],
        StandardCharsets.UTF_8);
  }

  /** Copies rows [from, from + count) into rows [0, count) of an allocated vector. */
  public void copyTo(FieldVector vector, int from, int count) {
    copyValidity(vector.getValidityBuffer(), from, count);
    PhysicalType physical = type.physical();
    if (physical == PhysicalType.VARBINARY) {
      copyStrings((VarCharVector) vector, from, count);
      return;
    }
    ArrowBuf data = vector.getDataBuffer();
    switch (physical) {
      case BIT -> {
        for (int k = 0; k < count; k++) {
          if (longs[from + k] != 0) {
            BitVectorHelper.setBit(data, k);
          } else {
            BitVectorHelper.unsetBit(data, k);
          }
        }
      }
      case INT16 -> {
        for (int k = 0; k < count; k++) {
          data.setShort((long) k << 1, (short) longs[from + k]);
        }
      }
      case INT32 -> {
        for (int k = 0; k < count; k++) {
          data.setInt((long) k << 2, (int) longs[from + k]);
        }
      }
      case INT64 -> {
        for (int k = 0; k < count; k++) {
          data.setLong((long) k << 3, longs[from + k]);
        }
      }
      case FLOAT32 -> {
        for (int k = 0; k < count; k++) {
          data.setFloat((long) k << 2, (float) doubles[from + k]);
        }
      }
      case FLOAT64 -> {
        for (int k = 0; k < count; k++) {
          data.setDouble((long) k << 3, doubles[from + k]);
        }
      }
      default -> throw new IllegalStateException();
    }
  }

  /** Copies rows offset + positions[k], for k below count, into rows [0, count) of a vector. */
  public void gatherTo(FieldVector vector, int offset, int[] positions, int count) {
    ArrowBuf valid = vector.getValidityBuffer();
    for (int k = 0; k < count; k++) {
      if (nulls != null && nulls[offset + positions[k]]) {
        BitVectorHelper.unsetBit(valid, k);
      } else {
        BitVectorHelper.setBit(valid, k);
      }
    }
    PhysicalType physical = type.physical();
    if (physical == PhysicalType.VARBINARY) {
      gatherStrings((VarCharVector) vector, offset, positions, count);
      return;
    }
    ArrowBuf data = vector.getDataBuffer();
    switch (physical) {
      case BIT -> {
        for (int k = 0; k < count; k++) {
          if (longs[offset + positions[k]] != 0) {
            BitVectorHelper.setBit(data, k);
          } else {
            BitVectorHelper.unsetBit(data, k);
          }
        }
      }
      case INT16 -> {
        for (int k = 0; k < count; k++) {
          data.setShort((long) k << 1, (short) longs[offset + positions[k]]);
        }
      }
      case INT32 -> {
        for (int k = 0; k < count; k++) {
          data.setInt((long) k << 2, (int) longs[offset + positions[k]]);
        }
      }
      case INT64 -> {
        for (int k = 0; k < count; k++) {
          data.setLong((long) k << 3, longs[offset + positions[k]]);
        }
      }
      case FLOAT32 -> {
        for (int k = 0; k < count; k++) {
          data.setFloat((long) k << 2, (float) doubles[offset + positions[k]]);
        }
      }
      case FLOAT64 -> {
        for (int k = 0; k < count; k++) {
          data.setDouble((long) k << 3, doubles[offset + positions[k]]);
        }
      }
      default -> throw new IllegalStateException();
    }
  }

  private void gatherStrings(VarCharVector vector, int offset, int[] positions, int count) {
    int length = 0;
    for (int k = 0; k < count; k++) {
      int row = offset + positions[k];
      length += offsets[row + 1] - offsets[row];
    }
    while (vector.getDataBuffer().capacity() < length) {
      vector.reallocDataBuffer();
    }
    ArrowBuf data = vector.getDataBuffer();
    ArrowBuf valueOffsets = vector.getOffsetBuffer();
    int at = 0;
    valueOffsets.setInt(0, 0);
    for (int k = 0; k < count; k++) {
      int row = offset + positions[k];
      int start = offsets[row];
      int size = offsets[row + 1] - start;
      data.setBytes(at, bytes, start, size);
      at += size;
      valueOffsets.setInt((long) (k + 1) << 2, at);
    }
    vector.setLastSet(count - 1);
  }

  private void copyValidity(ArrowBuf valid, int from, int count) {
    boolean anyNull = false;
    if (nulls != null) {
      for (int k = 0; k < count; k++) {
        if (nulls[from + k]) {
          anyNull = true;
          break;
        }
      }
    }
    if (!anyNull) {
      valid.setOne(0, (count + 7) / 8);
      return;
    }
    for (int k = 0; k < count; k++) {
      if (nulls[from + k]) {
        BitVectorHelper.unsetBit(valid, k);
      } else {
        BitVectorHelper.setBit(valid, k);
      }
    }
  }

  /** Null rows hold no bytes, so the range's bytes are one contiguous block. */
  private void copyStrings(VarCharVector vector, int from, int count) {
    int start = offsets[from];
    int length = offsets[from + count] - start;
    while (vector.getDataBuffer().capacity() < length) {
      vector.reallocDataBuffer();
    }
    vector.getDataBuffer().setBytes(0, bytes, start, length);
    ArrowBuf valueOffsets = vector.getOffsetBuffer();
    for (int k = 0; k <= count; k++) {
      valueOffsets.setInt((long) k << 2, offsets[from + k] - start);
    }
    vector.setLastSet(count - 1);
  }
}
