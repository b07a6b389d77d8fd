package io.exapg.core.exec.aggregate;

import io.exapg.core.batch.Batch;
import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.core.exec.hash.ColumnReader;
import io.exapg.core.exec.hash.ValueWriter;
import io.exapg.core.expr.runtime.Arithmetic;
import io.exapg.core.type.DataType;
import io.exapg.core.type.PhysicalType;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/**
 * Aggregates that keep one input value per group: MIN, MAX (also BOOL_AND and BOOL_OR on
 * booleans), ANY_VALUE, and SINGLE_VALUE, which fails when a group has a second row.
 */
final class ValueAccumulator implements Accumulator {
  /** Which value is kept. */
  enum Mode {
    MIN,
    MAX,
    ANY,
    SINGLE
  }

  private final int argument;
  private final Mode mode;
  private final PhysicalType type;
  private long[] longs = new long[0];
  private double[] doubles = new double[0];
  private byte[][] strings = new byte[0][];
  private boolean[] present = new boolean[0];
  private long[] rows = new long[0];
  private long[] scratchLongs = new long[0];
  private double[] scratchDoubles = new double[0];
  private boolean[] nulls = new boolean[0];
  private byte[] scratchBytes = new byte[64];
  private long stringBytes;

  ValueAccumulator(int argument, Mode mode, PhysicalType type) {
    this.argument = argument;
    this.mode = mode;
    this.type = type;
  }

  private boolean isFloat() {
    return type == PhysicalType.FLOAT32 || type == PhysicalType.FLOAT64;
  }

  @Override
  public void ensureCapacity(int groups) {
    if (present.length >= groups) {
      return;
    }
    int capacity = Math.max(groups, present.length * 2);
    present = Arrays.copyOf(present, capacity);
    rows = Arrays.copyOf(rows, capacity);
    if (type == PhysicalType.VARBINARY) {
      strings = Arrays.copyOf(strings, capacity);
    } else if (isFloat()) {
      doubles = Arrays.copyOf(doubles, capacity);
    } else {
      longs = Arrays.copyOf(longs, capacity);
    }
  }

  @Override
  public void update(Batch batch, int[] groups) {
    if (mode == Mode.SINGLE) {
      for (int j = 0; j < batch.size(); j++) {
        if (++rows[groups[j]] > 1) {
          throw tooManyRows();
        }
      }
    }
    updateValues(batch, argument, groups);
  }

  private static ExaException tooManyRows() {
    return new ExaException(SqlState.CARDINALITY_VIOLATION,
        "more than one row returned by a subquery used as an expression");
  }

  /** Offers the non-null values of a column to the groups of their rows. */
  private void updateValues(Batch batch, int column, int[] groups) {
    int size = batch.size();
    if (nulls.length < size) {
      nulls = new boolean[size];
    }
    if (type == PhysicalType.VARBINARY) {
      updateStrings(batch, column, groups, size);
    } else if (isFloat()) {
      if (scratchDoubles.length < size) {
        scratchDoubles = new double[size];
      }
      boolean anyNull = ColumnReader.readDoubles(batch, column, scratchDoubles, nulls);
      for (int j = 0; j < size; j++) {
        if (!anyNull || !nulls[j]) {
          int g = groups[j];
          double v = scratchDoubles[j];
          if (!present[g] || better(Arithmetic.compareDouble(v, doubles[g]))) {
            doubles[g] = v;
            present[g] = true;
          }
        }
      }
    } else {
      if (scratchLongs.length < size) {
        scratchLongs = new long[size];
      }
      boolean anyNull = ColumnReader.readLongs(batch, column, scratchLongs, nulls);
      for (int j = 0; j < size; j++) {
        if (!anyNull || !nulls[j]) {
          int g = groups[j];
          long v = scratchLongs[j];
          if (!present[g] || better(Long.compare(v, longs[g]))) {
            longs[g] = v;
            present[g] = true;
          }
        }
      }
    }
  }

  /** Whether a value comparing so to the kept one replaces it. */
  private boolean better(int comparison) {
    return switch (mode) {
      case MIN -> comparison < 0;
      case MAX -> comparison > 0;
      case ANY, SINGLE -> false;
    };
  }

  private void updateStrings(Batch batch, int column, int[] groups, int size) {
    FieldVector vector = batch.column(column);
    ArrowBuf offsets = vector.getOffsetBuffer();
    ArrowBuf data = vector.getDataBuffer();
    ArrowBuf valid = vector.getValidityBuffer();
    boolean noNulls = vector.getNullCount() == 0;
    for (int j = 0; j < size; j++) {
      int i = batch.row(j);
      if (!noNulls && BitVectorHelper.get(valid, i) == 0) {
        continue;
      }
      int g = groups[j];
      if (present[g] && (mode == Mode.ANY || mode == Mode.SINGLE)) {
        continue;
      }
      int start = offsets.getInt((long) i << 2);
      int length = offsets.getInt(((long) i + 1) << 2) - start;
      if (scratchBytes.length < length) {
        scratchBytes = new byte[Math.max(length, scratchBytes.length * 2)];
      }
      data.getBytes(start, scratchBytes, 0, length);
      if (!present[g] || better(Arrays.compareUnsigned(scratchBytes, 0, length, strings[g], 0,
          strings[g].length))) {
        stringBytes += length - (strings[g] == null ? 0 : strings[g].length);
        strings[g] = Arrays.copyOf(scratchBytes, length);
        present[g] = true;
      }
    }
  }

  @Override
  public void merge(Accumulator other, int[] mapping) {
    ValueAccumulator source = (ValueAccumulator) other;
    for (int g = 0; g < mapping.length; g++) {
      int target = mapping[g];
      if (mode == Mode.SINGLE) {
        rows[target] += source.rows[g];
        if (rows[target] > 1) {
          throw tooManyRows();
        }
      }
      if (!source.present[g]) {
        continue;
      }
      boolean replace;
      if (type == PhysicalType.VARBINARY) {
        replace = !present[target] || better(Arrays.compareUnsigned(source.strings[g],
            strings[target]));
        if (replace) {
          stringBytes += source.strings[g].length
              - (strings[target] == null ? 0 : strings[target].length);
          strings[target] = source.strings[g];
        }
      } else if (isFloat()) {
        replace = !present[target]
            || better(Arithmetic.compareDouble(source.doubles[g], doubles[target]));
        if (replace) {
          doubles[target] = source.doubles[g];
        }
      } else {
        replace = !present[target] || better(Long.compare(source.longs[g], longs[target]));
        if (replace) {
          longs[target] = source.longs[g];
        }
      }
      present[target] |= replace;
    }
  }

  @Override
  public void write(FieldVector out, int from, int count) {
    for (int k = 0; k < count; k++) {
      int g = from + k;
      if (!present[g]) {
        ValueWriter.setNull(out, k);
      } else if (type == PhysicalType.VARBINARY) {
        ValueWriter.setBytes(out, k, strings[g], 0, strings[g].length);
      } else if (isFloat()) {
        ValueWriter.setDouble(out, k, doubles[g]);
      } else {
        ValueWriter.setLong(out, k, longs[g]);
      }
    }
  }

  /** The kept value (null when there is none) and, for SINGLE_VALUE, the rows seen. */
  @Override
  public List<DataType> stateTypes() {
    DataType value = type == PhysicalType.VARBINARY ? DataType.TEXT
        : isFloat() ? DataType.DOUBLE : DataType.BIGINT;
    return List.of(value, DataType.BIGINT);
  }

  @Override
  public void writeStates(FieldVector[] out, int column, int from, int count) {
    write(out[column], from, count);
    for (int k = 0; k < count; k++) {
      ValueWriter.setLong(out[column + 1], k, rows[from + k]);
    }
  }

  @Override
  public void mergeStates(Batch batch, int column, int[] groups) {
    if (mode == Mode.SINGLE) {
      int size = batch.size();
      long[] seen = new long[size];
      ColumnReader.readLongs(batch, column + 1, seen, new boolean[size]);
      for (int j = 0; j < size; j++) {
        rows[groups[j]] += seen[j];
        if (rows[groups[j]] > 1) {
          throw tooManyRows();
        }
      }
    }
    updateValues(batch, column, groups);
  }

  @Override
  public long memoryBytes() {
    return present.length * 25L + scratchBytes.length + nulls.length + stringBytes;
  }
}
