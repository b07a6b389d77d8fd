package io.exapg.core.exec.aggregate;

import io.exapg.core.batch.Batch;
import io.exapg.core.exec.hash.ColumnReader;
import io.exapg.core.exec.hash.ValueWriter;
import io.exapg.core.type.DataType;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/** COUNT(*) (argument -1) and COUNT(column). */
final class CountAccumulator implements Accumulator {
  private final int argument;
  private long[] counts = new long[0];
  private boolean[] nulls = new boolean[0];

  CountAccumulator(int argument) {
    this.argument = argument;
  }

  @Override
  public void ensureCapacity(int groups) {
    if (counts.length < groups) {
      counts = Arrays.copyOf(counts, Math.max(groups, counts.length * 2));
    }
  }

  @Override
  public void update(Batch batch, int[] groups) {
    int size = batch.size();
    long[] c = counts;
    if (argument < 0) {
      for (int j = 0; j < size; j++) {
        c[groups[j]]++;
      }
      return;
    }
    if (nulls.length < size) {
      nulls = new boolean[size];
    }
    if (!ColumnReader.readNulls(batch, argument, nulls)) {
      for (int j = 0; j < size; j++) {
        c[groups[j]]++;
      }
      return;
    }
    for (int j = 0; j < size; j++) {
      if (!nulls[j]) {
        c[groups[j]]++;
      }
    }
  }

  @Override
  public void updateSingleGroup(Batch batch, int[] groups) {
    int size = batch.size();
    if (argument < 0) {
      counts[0] += size;
      return;
    }
    if (nulls.length < size) {
      nulls = new boolean[size];
    }
    if (!ColumnReader.readNulls(batch, argument, nulls)) {
      counts[0] += size;
      return;
    }
    long live = 0;
    for (int j = 0; j < size; j++) {
      live += nulls[j] ? 0 : 1;
    }
    counts[0] += live;
  }

  @Override
  public void merge(Accumulator other, int[] mapping) {
    long[] source = ((CountAccumulator) other).counts;
    for (int g = 0; g < mapping.length; g++) {
      counts[mapping[g]] += source[g];
    }
  }

  @Override
  public void write(FieldVector out, int from, int count) {
    for (int k = 0; k < count; k++) {
      ValueWriter.setLong(out, k, counts[from + k]);
    }
  }

  @Override
  public List<DataType> stateTypes() {
    return List.of(DataType.BIGINT);
  }

  @Override
  public void writeStates(FieldVector[] out, int column, int from, int count) {
    write(out[column], from, count);
  }

  @Override
  public void mergeStates(Batch batch, int column, int[] groups) {
    int size = batch.size();
    long[] states = new long[size];
    ColumnReader.readLongs(batch, column, states, new boolean[size]);
    for (int j = 0; j < size; j++) {
      counts[groups[j]] += states[j];
    }
  }

  @Override
  public long memoryBytes() {
    return counts.length * 8L + nulls.length;
  }
}
