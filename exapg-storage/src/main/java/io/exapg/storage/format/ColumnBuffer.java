package io.exapg.storage.format;

import io.exapg.core.batch.Batch;
import io.exapg.core.exec.hash.ColumnReader;
import io.exapg.core.type.DataType;
import io.exapg.core.type.PhysicalType;
import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/**
 * A growable column of rows on the heap: an insert buffer or a transaction's pending rows.
 * Appends never change rows already visible through a {@link ColumnData} view: when arrays
 * grow they are copied, and views keep the old ones.
 */
public final class ColumnBuffer {
  private final DataType type;
  private final PhysicalType physical;
  private long[] longs;
  private double[] doubles;
  private byte[] bytes;
  private int[] offsets;
  private boolean[] nulls;
  private int size;
  private long[] scratchLongs = new long[0];
  private double[] scratchDoubles = new double[0];
  private boolean[] scratchNulls = new boolean[0];

  public ColumnBuffer(DataType type) {
    this(type, 1024, 1024 * 8);
  }

  /**
   * A buffer with room for rows (and, for strings, bytes) from the start, for bulk loads
   * whose buffers would otherwise grow by doubling, copying everything each time.
   */
  public ColumnBuffer(DataType type, int rows, int stringBytes) {
    this.type = type;
    this.physical = type.physical();
    nulls = new boolean[rows];
    switch (physical) {
      case FLOAT32, FLOAT64 -> doubles = new double[rows];
      case VARBINARY -> {
        offsets = new int[rows + 1];
        bytes = new byte[stringBytes];
      }
      default -> longs = new long[rows];
    }
  }

  /** Bytes of string data held (0 for other types). */
  public int stringBytes() {
    return offsets == null ? 0 : offsets[size];
  }

  public DataType type() {
    return type;
  }

  public int size() {
    return size;
  }

  /** Heap bytes held. */
  public long memoryBytes() {
    long perRow = physical == PhysicalType.VARBINARY ? 4 : 8;
    return nulls.length * (perRow + 1) + (bytes == null ? 0 : bytes.length);
  }

  private void ensureRows(int rows) {
    if (size + rows <= nulls.length) {
      return;
    }
    int capacity = Math.max(size + rows, nulls.length * 2);
    nulls = Arrays.copyOf(nulls, capacity);
    if (longs != null) {
      longs = Arrays.copyOf(longs, capacity);
    }
    if (doubles != null) {
      doubles = Arrays.copyOf(doubles, capacity);
    }
    if (offsets != null) {
      offsets = Arrays.copyOf(offsets, capacity + 1);
    }
  }

  private void ensureBytes(int more) {
    int needed = offsets[size] + more;
    if (needed > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
    }
  }

  /** Appends the live rows of one column of a batch. */
  public void append(Batch batch, int column) {
    int n = batch.size();
    ensureRows(n);
    FieldVector vector = batch.column(column);
    if (physical == PhysicalType.VARBINARY) {
      appendStrings(batch, vector, n);
      return;
    }
    if (scratchNulls.length < n) {
      scratchNulls = new boolean[n];
    }
    boolean anyNull;
    if (doubles != null) {
      if (scratchDoubles.length < n) {
        scratchDoubles = new double[n];
      }
      anyNull = ColumnReader.readDoubles(batch, column, scratchDoubles, scratchNulls);
      System.arraycopy(scratchDoubles, 0, doubles, size, n);
    } else {
      if (scratchLongs.length < n) {
        scratchLongs = new long[n];
      }
      anyNull = ColumnReader.readLongs(batch, column, scratchLongs, scratchNulls);
      System.arraycopy(scratchLongs, 0, longs, size, n);
    }
    if (anyNull) {
      System.arraycopy(scratchNulls, 0, nulls, size, n);
    } else {
      Arrays.fill(nulls, size, size + n, false);
    }
    size += n;
  }

  private void appendStrings(Batch batch, FieldVector vector, int n) {
    ArrowBuf valueOffsets = vector.getOffsetBuffer();
    ArrowBuf data = vector.getDataBuffer();
    ArrowBuf valid = vector.getValidityBuffer();
    boolean noNulls = vector.getNullCount() == 0;
    long total = 0;
    for (int j = 0; j < n; j++) {
      int i = batch.row(j);
      total += valueOffsets.getInt(((long) i + 1) << 2) - valueOffsets.getInt((long) i << 2);
    }
    ensureBytes((int) Math.min(total, Integer.MAX_VALUE));
    for (int j = 0; j < n; j++) {
      int i = batch.row(j);
      boolean isNull = !noNulls && BitVectorHelper.get(valid, i) == 0;
      int start = valueOffsets.getInt((long) i << 2);
      int length = isNull ? 0 : valueOffsets.getInt(((long) i + 1) << 2) - start;
      int at = offsets[size];
      if (length > 0) {
        data.getBytes(start, bytes, at, length);
      }
      nulls[size] = isNull;
      offsets[size + 1] = at + length;
      size++;
    }
  }

  /** Appends rows [from, from + count) of another column's data. */
  public void append(ColumnData source, int from, int count) {
    ensureRows(count);
    if (physical == PhysicalType.VARBINARY) {
      int length = source.offsets()[from + count] - source.offsets()[from];
      ensureBytes(length);
      int base = offsets[size];
      System.arraycopy(source.bytes(), source.offsets()[from], bytes, base, length);
      for (int k = 0; k < count; k++) {
        offsets[size + k + 1] = base + source.offsets()[from + k + 1] - source.offsets()[from];
      }
    } else if (doubles != null) {
      System.arraycopy(source.doubles(), from, doubles, size, count);
    } else {
      System.arraycopy(source.longs(), from, longs, size, count);
    }
    for (int k = 0; k < count; k++) {
      nulls[size + k] = source.isNull(from + k);
    }
    size += count;
  }

  /** A view of the rows appended so far; later appends do not change it. */
  public ColumnData view() {
    return new ColumnData(type, size, longs, doubles, bytes, offsets, nulls);
  }
}
