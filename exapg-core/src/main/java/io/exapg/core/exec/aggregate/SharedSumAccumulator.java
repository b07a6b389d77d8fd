package io.exapg.core.exec.aggregate;

import io.exapg.core.batch.Batch;
import io.exapg.core.type.DataType;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * A SUM or AVG over the same exact-number argument as another aggregate of the same
 * aggregation: that aggregate's {@link LongSumAccumulator} keeps the sums and counts, which
 * serve both, so every value is added once. It has no state of its own to update, merge or
 * spill; it only writes its final values from the other's.
 */
final class SharedSumAccumulator implements Accumulator {
  private final LongSumAccumulator state;
  private final LongSumAccumulator.Result result;
  private final DataType resultType;

  SharedSumAccumulator(LongSumAccumulator state, LongSumAccumulator.Result result,
      DataType resultType) {
    this.state = state;
    this.result = result;
    this.resultType = resultType;
  }

  @Override
  public void ensureCapacity(int groups) {
  }

  @Override
  public void update(Batch batch, int[] groups) {
  }

  @Override
  public void merge(Accumulator other, int[] mapping) {
  }

  @Override
  public void write(FieldVector out, int from, int count) {
    state.write(out, from, count, result, resultType);
  }

  @Override
  public List<DataType> stateTypes() {
    return List.of();
  }

  @Override
  public void writeStates(FieldVector[] out, int column, int from, int count) {
  }

  @Override
  public void mergeStates(Batch batch, int column, int[] groups) {
  }

  @Override
  public long memoryBytes() {
    return 0;
  }
}
