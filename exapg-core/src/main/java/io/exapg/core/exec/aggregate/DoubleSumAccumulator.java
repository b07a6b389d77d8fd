package io.exapg.core.exec.aggregate;

import io.exapg.core.batch.Batch;
import io.exapg.core.exec.hash.ColumnReader;
import io.exapg.core.exec.hash.ValueWriter;
import io.exapg.core.type.DataType;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/** SUM and AVG over floating point. */
final class DoubleSumAccumulator implements Accumulator {
  private final int argument;
  private final LongSumAccumulator.Result result;
  private double[] sums = new double[0];
  private long[] counts = new long[0];
  private double[] values = new double[0];
  private boolean[] nulls = new boolean[0];

  DoubleSumAccumulator(int argument, LongSumAccumulator.Result result) {
    this.argument = argument;
    this.result = result;
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
      values = new double[size];
      nulls = new boolean[size];
    }
    boolean anyNull = ColumnReader.readDoubles(batch, argument, values, nulls);
    for (int j = 0; j < size; j++) {
      if (!anyNull || !nulls[j]) {
        int g = groups[j];
        sums[g] += values[j];
        counts[g]++;
      }
    }
  }

  @Override
  public void updateSingleGroup(Batch batch, int[] groups) {
    int size = batch.size();
    if (values.length < size) {
      values = new double[size];
      nulls = new boolean[size];
    }
    boolean anyNull = ColumnReader.readDoubles(batch, argument, values, nulls);
    double sum = sums[0];
    long live = 0;
    for (int j = 0; j < size; j++) {
      if (!anyNull || !nulls[j]) {
        sum += values[j];
        live++;
      }
    }
    sums[0] = sum;
    counts[0] += live;
  }

  @Override
  public void merge(Accumulator other, int[] mapping) {
    DoubleSumAccumulator source = (DoubleSumAccumulator) other;
    for (int g = 0; g < mapping.length; g++) {
      sums[mapping[g]] += source.sums[g];
      counts[mapping[g]] += source.counts[g];
    }
  }

  @Override
  public void write(FieldVector out, int from, int count) {
    for (int k = 0; k < count; k++) {
      int g = from + k;
      if (counts[g] == 0) {
        if (result == LongSumAccumulator.Result.SUM_OR_ZERO) {
          ValueWriter.setDouble(out, k, 0);
        } else {
          ValueWriter.setNull(out, k);
        }
      } else {
        ValueWriter.setDouble(out, k,
            result == LongSumAccumulator.Result.AVG ? sums[g] / counts[g] : sums[g]);
      }
    }
  }

  @Override
  public List<DataType> stateTypes() {
    return List.of(DataType.DOUBLE, DataType.BIGINT);
  }

  @Override
  public void writeStates(FieldVector[] out, int column, int from, int count) {
    for (int k = 0; k < count; k++) {
      ValueWriter.setDouble(out[column], k, sums[from + k]);
      ValueWriter.setLong(out[column + 1], k, counts[from + k]);
    }
  }

  @Override
  public void mergeStates(Batch batch, int column, int[] groups) {
    int size = batch.size();
    double[] partialSums = new double[size];
    long[] partialCounts = new long[size];
    boolean[] none = new boolean[size];
    ColumnReader.readDoubles(batch, column, partialSums, none);
    ColumnReader.readLongs(batch, column + 1, partialCounts, none);
    for (int j = 0; j < size; j++) {
      sums[groups[j]] += partialSums[j];
      counts[groups[j]] += partialCounts[j];
    }
  }

  @Override
  public long memoryBytes() {
    return sums.length * 16L + values.length * 9L;
  }
}
