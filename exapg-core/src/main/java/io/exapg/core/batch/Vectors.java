package io.exapg.core.batch;

import io.exapg.core.type.DataType;
import io.exapg.core.type.PhysicalType;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.util.TransferPair;

/**
 * Row movement between Arrow vectors (gather, compaction, concatenation), with one type switch
 * per call and a primitive loop per type inside.
 */
public final class Vectors {
  private Vectors() {
  }

  public static FieldVector[] allocate(List<DataType> types, BufferAllocator allocator,
      int rowCount) {
    FieldVector[] vectors = new FieldVector[types.size()];
    try {
      for (int c = 0; c < vectors.length; c++) {
        vectors[c] = types.get(c).newVector("c" + c, allocator);
        allocateFor(vectors[c], rowCount);
      }
    } catch (RuntimeException e) {
      close(vectors);
      throw e;
    }
    return vectors;
  }

  /** Makes room for rowCount rows, keeping capacity already there; contents are cleared. */
  public static void allocateFor(FieldVector vector, int rowCount) {
    int rows = Math.max(rowCount, 1);
    if (vector instanceof VarCharVector varChar) {
      if (varChar.getValueCapacity() >= rows && varChar.getDataBuffer().capacity() > 0) {
        varChar.reset();
      } else {
        varChar.clear();
        varChar.allocateNew(Math.max(256L, rows * 16L), rows);
      }
    } else if (vector.getValueCapacity() >= rows) {
      vector.reset();
    } else {
      vector.clear();
      vector.setInitialCapacity(rows);
      vector.allocateNew();
    }
  }

  /** Bytes of Arrow buffers the vectors hold. */
  public static long bufferBytes(FieldVector[] vectors) {
    long bytes = 0;
    for (FieldVector vector : vectors) {
      bytes += vector.getBufferSize();
    }
    return bytes;
  }

  public static void close(FieldVector[] vectors) {
    if (vectors == null) {
      return;
    }
    for (FieldVector vector : vectors) {
      if (vector != null) {
        vector.close();
      }
    }
  }

  public static void setValueCount(FieldVector[] vectors, int rowCount) {
    for (FieldVector vector : vectors) {
      vector.setValueCount(rowCount);
    }
  }

  /**
   * The live rows of a batch in new vectors owned by the caller: transferred without copying
   * when the batch has no selection and each vector appears once, else copied.
   */
  public static FieldVector[] materialize(Batch batch, List<DataType> types,
      BufferAllocator allocator) {
    int columns = batch.columnCount();
    FieldVector[] result = new FieldVector[columns];
    try {
      if (!batch.hasSelection()) {
        Map<FieldVector, Integer> transferred = new IdentityHashMap<>();
        for (int c = 0; c < columns; c++) {
          FieldVector source = batch.column(c);
          Integer earlier = transferred.get(source);
          if (earlier != null) {
            // The batch's vector was moved into an earlier column already: copy that one.
            source = result[earlier];
          }
          if (earlier == null && source.getValueCount() == batch.size()) {
            TransferPair transfer = source.getTransferPair(allocator);
            transfer.transfer();
            result[c] = (FieldVector) transfer.getTo();
            transferred.put(batch.column(c), c);
          } else {
            result[c] = types.get(c).newVector("c" + c, allocator);
            allocateFor(result[c], batch.size());
            copyRange(source, 0, batch.size(), result[c], 0);
            result[c].setValueCount(batch.size());
          }
        }
        return result;
      }
      for (int c = 0; c < columns; c++) {
        result[c] = types.get(c).newVector("c" + c, allocator);
        allocateFor(result[c], batch.size());
        gather(batch.column(c), batch.selection(), batch.size(), result[c], 0);
        result[c].setValueCount(batch.size());
      }
      return result;
    } catch (RuntimeException e) {
      close(result);
      throw e;
    }
  }

  /** target[targetStart + k] = source[rows[k]] for k in [0, n). */
  public static void gather(FieldVector source, int[] rows, int n, FieldVector target,
      int targetStart) {
    PhysicalType physical = physicalTypeOf(source);
    ArrowBuf sourceValid = source.getValidityBuffer();
    boolean noNulls = source.getNullCount() == 0;
    if (physical == PhysicalType.VARBINARY) {
      VarCharVector from = (VarCharVector) source;
      VarCharVector to = (VarCharVector) target;
      ArrowBuf offsets = from.getOffsetBuffer();
      ArrowBuf data = from.getDataBuffer();
      long bytes = 0;
      for (int k = 0; k < n; k++) {
        bytes += offsets.getInt(((long) rows[k] + 1) << 2) - offsets.getInt((long) rows[k] << 2);
      }
      reserveData(to, bytes);
      for (int k = 0; k < n; k++) {
        int row = rows[k];
        if (noNulls || BitVectorHelper.get(sourceValid, row) != 0) {
          int start = offsets.getInt((long) row << 2);
          int end = offsets.getInt(((long) row + 1) << 2);
          setBytes(to, targetStart + k, data, start, end - start);
        }
      }
      return;
    }
    ensureFixedCapacity(target, targetStart + n);
    ArrowBuf targetValid = target.getValidityBuffer();
    ArrowBuf from = source.getDataBuffer();
    ArrowBuf to = target.getDataBuffer();
    for (int k = 0; k < n; k++) {
      int row = rows[k];
      int t = targetStart + k;
      if (noNulls || BitVectorHelper.get(sourceValid, row) != 0) {
        BitVectorHelper.setBit(targetValid, t);
      } else {
        BitVectorHelper.unsetBit(targetValid, t);
      }
    }
    switch (physical) {
      case BIT -> {
        for (int k = 0; k < n; k++) {
          int t = targetStart + k;
          if (BitVectorHelper.get(from, rows[k]) != 0) {
            BitVectorHelper.setBit(to, t);
          } else {
            BitVectorHelper.unsetBit(to, t);
          }
        }
      }
      case INT16 -> {
        for (int k = 0; k < n; k++) {
          to.setShort((long) (targetStart + k) << 1, from.getShort((long) rows[k] << 1));
        }
      }
      case INT32, FLOAT32 -> {
        for (int k = 0; k < n; k++) {
          to.setInt((long) (targetStart + k) << 2, from.getInt((long) rows[k] << 2));
        }
      }
      case INT64, FLOAT64 -> {
        for (int k = 0; k < n; k++) {
          to.setLong((long) (targetStart + k) << 3, from.getLong((long) rows[k] << 3));
        }
      }
      default -> throw new IllegalStateException(physical.name());
    }
  }

  /** Copies rows [sourceStart, sourceStart + n) to target starting at targetStart. */
  public static void copyRange(FieldVector source, int sourceStart, int n, FieldVector target,
      int targetStart) {
    PhysicalType physical = physicalTypeOf(source);
    ArrowBuf sourceValid = source.getValidityBuffer();
    boolean noNulls = source.getNullCount() == 0;
    if (physical == PhysicalType.VARBINARY) {
      VarCharVector from = (VarCharVector) source;
      VarCharVector to = (VarCharVector) target;
      ArrowBuf offsets = from.getOffsetBuffer();
      ArrowBuf data = from.getDataBuffer();
      if (n > 0) {
        reserveData(to, offsets.getInt(((long) sourceStart + n) << 2)
            - offsets.getInt((long) sourceStart << 2));
      }
      for (int k = 0; k < n; k++) {
        int row = sourceStart + k;
        if (noNulls || BitVectorHelper.get(sourceValid, row) != 0) {
          int start = offsets.getInt((long) row << 2);
          int end = offsets.getInt(((long) row + 1) << 2);
          setBytes(to, targetStart + k, data, start, end - start);
        }
      }
      return;
    }
    ensureFixedCapacity(target, targetStart + n);
    ArrowBuf targetValid = target.getValidityBuffer();
    for (int k = 0; k < n; k++) {
      int t = targetStart + k;
      if (noNulls || BitVectorHelper.get(sourceValid, sourceStart + k) != 0) {
        BitVectorHelper.setBit(targetValid, t);
      } else {
        BitVectorHelper.unsetBit(targetValid, t);
      }
    }
    ArrowBuf from = source.getDataBuffer();
    ArrowBuf to = target.getDataBuffer();
    switch (physical) {
      case BIT -> {
        for (int k = 0; k < n; k++) {
          if (BitVectorHelper.get(from, sourceStart + k) != 0) {
            BitVectorHelper.setBit(to, targetStart + k);
          } else {
            BitVectorHelper.unsetBit(to, targetStart + k);
          }
        }
      }
      default -> {
        int width = physical.byteWidth();
        to.setBytes((long) targetStart * width, from, (long) sourceStart * width,
            (long) n * width);
      }
    }
  }

  /** Appends all rows of the chunks, in order, into new vectors of the given types. */
  public static FieldVector[] concatenate(List<FieldVector[]> chunks, List<DataType> types,
      BufferAllocator allocator) {
    int total = 0;
    for (FieldVector[] chunk : chunks) {
      total += chunk.length == 0 ? 0 : chunk[0].getValueCount();
    }
    FieldVector[] result = allocate(types, allocator, total);
    try {
      int position = 0;
      for (FieldVector[] chunk : chunks) {
        int rows = chunk.length == 0 ? 0 : chunk[0].getValueCount();
        for (int c = 0; c < result.length; c++) {
          copyRange(chunk[c], 0, rows, result[c], position);
        }
        position += rows;
      }
      setValueCount(result, total);
      return result;
    } catch (RuntimeException e) {
      close(result);
      throw e;
    }
  }

  /** Sets every row of [start, start + n) to null. */
  public static void fillNulls(FieldVector target, int start, int n) {
    if (target instanceof VarCharVector varChar) {
      for (int k = 0; k < n; k++) {
        varChar.setNull(start + k);
      }
      return;
    }
    ensureFixedCapacity(target, start + n);
    ArrowBuf valid = target.getValidityBuffer();
    for (int k = 0; k < n; k++) {
      BitVectorHelper.unsetBit(valid, start + k);
    }
  }

  /**
   * Grows the data buffer once to hold bytes more after the last value set, instead of
   * doubling it step by step while values are copied (each step holding old and new).
   */
  private static void reserveData(VarCharVector vector, long bytes) {
    int last = vector.getLastSet();
    long end = last < 0 ? 0 : vector.getOffsetBuffer().getInt(((long) last + 1) << 2);
    if (vector.getDataBuffer().capacity() < end + bytes) {
      vector.reallocDataBuffer(end + bytes);
    }
  }

  private static void setBytes(VarCharVector vector, int index, ArrowBuf data, int start,
      int length) {
    vector.fillEmpties(index);
    while (vector.getValueCapacity() <= index) {
      vector.reallocValidityAndOffsetBuffers();
    }
    int offset = vector.getOffsetBuffer().getInt((long) index << 2);
    while (vector.getDataBuffer().capacity() < (long) offset + length) {
      vector.reallocDataBuffer();
    }
    vector.getDataBuffer().setBytes(offset, data, start, length);
    vector.getOffsetBuffer().setInt(((long) index + 1) << 2, offset + length);
    BitVectorHelper.setBit(vector.getValidityBuffer(), index);
    vector.setLastSet(index);
  }

  private static void ensureFixedCapacity(FieldVector target, int rows) {
    while (target.getValueCapacity() < rows) {
      ((BaseFixedWidthVector) target).reAlloc();
    }
  }

  /** The UTF-8 text of a non-null value of a variable-width vector. */
  public static String string(FieldVector vector, int row) {
    ArrowBuf offsets = vector.getOffsetBuffer();
    int start = offsets.getInt((long) row << 2);
    int end = offsets.getInt(((long) row + 1) << 2);
    byte[] bytes = new byte[end - start];
    vector.getDataBuffer().getBytes(start, bytes, 0, bytes.length);
    return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
  }

  public static PhysicalType physicalTypeOf(FieldVector vector) {
    return switch (vector.getMinorType()) {
      case BIT -> PhysicalType.BIT;
      case SMALLINT -> PhysicalType.INT16;
      case INT, DATEDAY -> PhysicalType.INT32;
      case BIGINT, TIMESTAMPMICRO -> PhysicalType.INT64;
      case FLOAT4 -> PhysicalType.FLOAT32;
      case FLOAT8 -> PhysicalType.FLOAT64;
      case VARCHAR -> PhysicalType.VARBINARY;
      default -> throw new IllegalStateException("unexpected vector " + vector.getMinorType());
    };
  }
}
