package io.exapg.core.exec.aggregate;

import io.exapg.core.batch.Batch;
import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.core.exec.hash.ColumnReader;
import io.exapg.core.exec.hash.ValueWriter;
import io.exapg.core.type.DataType;
import io.exapg.core.type.Decimals;
import io.exapg.core.type.TypeId;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * SUM and AVG over exact numbers (integers and decimals as scaled longs), with overflow
 * detection. For AVG the result is the exact sum divided by the count at the end.
 */
final class LongSumAccumulator implements Accumulator {
  /** What the final value is. */
  enum Result {
    SUM,
    SUM_OR_ZERO,
    AVG
  }

  private final int argument;
  private final Result result;
  private final int inputScale;
  private final DataType resultType;
  private long[] sums = new long[0];
  private long[] counts = new long[0];
  private long[] values = new long[0];
  private boolean[] nulls = new boolean[0];

  LongSumAccumulator(int argument, DataType inputType, DataType resultType, Result result) {
    this.argument = argument;
    this.result = result;
    this.inputScale = inputType.decimalScale();
    this.resultType = resultType;
  }

  @Override
  public void ensureCapacity(int groups) {
    if (sums.length < groups) {
      int capacity = Math.max(groups, sums.length * 2);
      sums = Arrays.copyOf(sums, capacity);
      counts = Arrays.copyOf(counts, capacity);
    }
  }

  @Override
  public void update(Batch batch, int[] groups) {
    int size = batch.size();
    if (values.length < size) {
      values = new long[size];
      nulls = new boolean[size];
    }
    boolean anyNull = ColumnReader.readLongs(batch, argument, values, nulls);
    long[] s = sums;
    long[] c = counts;
    long[] v = values;
    try {
      if (!anyNull) {
        for (int j = 0; j < size; j++) {
          int g = groups[j];
          s[g] = Math.addExact(s[g], v[j]);
          c[g]++;
        }
      } else {
        for (int j = 0; j < size; j++) {
          if (!nulls[j]) {
            int g = groups[j];
            s[g] = Math.addExact(s[g], v[j]);
            c[g]++;
          }
        }
      }
    } catch (ArithmeticException e) {
      throw overflow();
    }
  }

  @Override
  public void updateSingleGroup(Batch batch, int[] groups) {
    int size = batch.size();
    if (values.length < size) {
      values = new long[size];
      nulls = new boolean[size];
    }
    boolean anyNull = ColumnReader.readLongs(batch, argument, values, nulls);
    long[] v = values;
    long sum = sums[0];
    long live = 0;
    try {
      if (!anyNull) {
        for (int j = 0; j < size; j++) {
          sum = Math.addExact(sum, v[j]);
        }
        live = size;
      } else {
        boolean[] n = nulls;
        for (int j = 0; j < size; j++) {
          if (!n[j]) {
            sum = Math.addExact(sum, v[j]);
            live++;
          }
        }
      }
    } catch (ArithmeticException e) {
      throw overflow();
    }
    sums[0] = sum;
    counts[0] += live;
  }

  private ExaException overflow() {
    return new ExaException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
        resultType.id() == TypeId.BIGINT ? "bigint out of range" : "numeric value out of range");
  }

  @Override
  public void merge(Accumulator other, int[] mapping) {
    LongSumAccumulator source = (LongSumAccumulator) other;
    try {
      for (int g = 0; g < mapping.length; g++) {
        int target = mapping[g];
        sums[target] = Math.addExact(sums[target], source.sums[g]);
        counts[target] += source.counts[g];
      }
    } catch (ArithmeticException e) {
      throw overflow();
    }
  }

  @Override
  public void write(FieldVector out, int from, int count) {
    write(out, from, count, result, resultType);
  }

  /**
   * Writes final values from this accumulator's sums and counts as the given function would:
   * also for a {@link SharedSumAccumulator} over the same argument.
   */
  void write(FieldVector out, int from, int count, Result result, DataType resultType) {
    for (int k = 0; k < count; k++) {
      int g = from + k;
      if (counts[g] == 0) {
        if (result == Result.SUM_OR_ZERO) {
          ValueWriter.setLong(out, k, 0);
        } else {
          ValueWriter.setNull(out, k);
        }
      } else if (result != Result.AVG) {
        ValueWriter.setLong(out, k, Decimals.rescale(sums[g], inputScale,
            resultType.decimalScale()));
      } else if (resultType.id() == TypeId.DECIMAL) {
        ValueWriter.setLong(out, k,
            Decimals.divide(sums[g], inputScale, counts[g], 0, resultType.scale()));
      } else {
        double average = (double) sums[g] / counts[g];
        for (int scale = 0; scale < inputScale; scale++) {
          average /= 10;
        }
        ValueWriter.setDouble(out, k, average);
      }
    }
  }

  @Override
  public List<DataType> stateTypes() {
    return List.of(DataType.BIGINT, DataType.BIGINT);
  }

  @Override
  public void writeStates(FieldVector[] out, int column, int from, int count) {
    for (int k = 0; k < count; k++) {
      ValueWriter.setLong(out[column], k, sums[from + k]);
      ValueWriter.setLong(out[column + 1], k, counts[from + k]);
    }
  }

  @Override
  public void mergeStates(Batch batch, int column, int[] groups) {
    int size = batch.size();
    long[] partialSums = new long[size];
    long[] partialCounts = new long[size];
    boolean[] none = new boolean[size];
    ColumnReader.readLongs(batch, column, partialSums, none);
    ColumnReader.readLongs(batch, column + 1, partialCounts, none);
    try {
      for (int j = 0; j < size; j++) {
        int g = groups[j];
        sums[g] = Math.addExact(sums[g], partialSums[j]);
        counts[g] += partialCounts[j];
      }
    } catch (ArithmeticException e) {
      throw overflow();
    }
  }

  @Override
  public long memoryBytes() {
    return sums.length * 16L + values.length * 9L;
  }
}
