package io.exapg.core.exec.aggregate;

import io.exapg.core.batch.Batch;
import io.exapg.core.error.ExaException;
import io.exapg.core.exec.hash.KeyPacker;
import io.exapg.core.memory.MemoryReservation;
import io.exapg.core.plan.AggregateCall;
import io.exapg.core.type.DataType;
import io.exapg.core.type.PhysicalType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/** One hash table of groups with the accumulators of every aggregate, charged to memory. */
public final class Aggregation {
  private final GroupTable table;
  private final List<DataType> keyTypes;
  private final boolean singleGroup;
  private final Accumulator[] accumulators;
  private final int[] filters;
  private final MemoryReservation reservation;
  private int[] groups = new int[0];
  private int[] filteredRows = new int[0];
  private int[] filteredGroups = new int[0];
  private long accountedBytes;

  public Aggregation(List<Integer> groupKeys, List<AggregateCall> calls,
      List<DataType> inputTypes, MemoryReservation reservation) {
    this.table = newTable(groupKeys, inputTypes);
    this.keyTypes = groupKeys.stream().map(inputTypes::get).toList();
    this.singleGroup = groupKeys.isEmpty();
    this.accumulators = new Accumulator[calls.size()];
    this.filters = new int[calls.size()];
    for (int k = 0; k < calls.size(); k++) {
      accumulators[k] = sharedSum(calls, k);
      if (accumulators[k] == null) {
        accumulators[k] = newAccumulator(calls.get(k));
      }
      filters[k] = calls.get(k).filter();
    }
    this.reservation = reservation;
    ensureCapacity();
  }

  private static GroupTable newTable(List<Integer> keys, List<DataType> inputTypes) {
    if (keys.isEmpty()) {
      return new SingleGroupTable();
    }
    if (keys.size() == 1 && inputTypes.get(keys.get(0)).physical() != PhysicalType.VARBINARY) {
      return new LongGroupTable(keys.get(0));
    }
    int[] keyColumns = keys.stream().mapToInt(Integer::intValue).toArray();
    KeyPacker packer = KeyPacker.of(keyColumns,
        keys.stream().map(key -> inputTypes.get(key).physical()).toList());
    return packer == null ? new SerializedGroupTable(keyColumns)
        : new PackedGroupTable(packer, keyColumns);
  }

  /**
   * For a SUM or AVG of exact numbers whose argument and filter an earlier SUM or AVG already
   * sums (TPC-H Q1 asks for both of two columns), an accumulator that reads that one's state;
   * else null.
   */
  private Accumulator sharedSum(List<AggregateCall> calls, int k) {
    AggregateCall call = calls.get(k);
    LongSumAccumulator.Result result = sumResult(call);
    if (result == null || !call.argumentType().isExactNumeric()) {
      return null;
    }
    for (int j = 0; j < k; j++) {
      AggregateCall earlier = calls.get(j);
      if (accumulators[j] instanceof LongSumAccumulator state
          && earlier.argument() == call.argument() && earlier.filter() == call.filter()
          && earlier.argumentType().equals(call.argumentType())) {
        return new SharedSumAccumulator(state, result, call.resultType());
      }
    }
    return null;
  }

  private static LongSumAccumulator.Result sumResult(AggregateCall call) {
    return switch (call.function()) {
      case SUM -> LongSumAccumulator.Result.SUM;
      case SUM0 -> LongSumAccumulator.Result.SUM_OR_ZERO;
      case AVG -> LongSumAccumulator.Result.AVG;
      default -> null;
    };
  }

  private static Accumulator newAccumulator(AggregateCall call) {
    DataType argumentType = call.argumentType();
    return switch (call.function()) {
      case COUNT_STAR -> new CountAccumulator(-1);
      case COUNT -> new CountAccumulator(call.argument());
      case SUM, SUM0, AVG -> {
        LongSumAccumulator.Result result = sumResult(call);
        if (argumentType.isExactNumeric()) {
          yield new LongSumAccumulator(call.argument(), argumentType, call.resultType(), result);
        }
        if (argumentType.isNumeric()) {
          yield new DoubleSumAccumulator(call.argument(), result);
        }
        throw ExaException.notSupported(call.function() + " over " + argumentType.sqlName());
      }
      case MIN, BOOL_AND -> new ValueAccumulator(call.argument(), ValueAccumulator.Mode.MIN,
          argumentType.physical());
      case MAX, BOOL_OR -> new ValueAccumulator(call.argument(), ValueAccumulator.Mode.MAX,
          argumentType.physical());
      case ANY_VALUE -> new ValueAccumulator(call.argument(), ValueAccumulator.Mode.ANY,
          argumentType.physical());
      case SINGLE_VALUE -> new ValueAccumulator(call.argument(), ValueAccumulator.Mode.SINGLE,
          argumentType.physical());
      case ARRAY_AGG, STRING_AGG -> new ArrayAggAccumulator(call, argumentType);
    };
  }

  private void ensureCapacity() {
    int count = table.groupCount();
    for (Accumulator accumulator : accumulators) {
      accumulator.ensureCapacity(count);
    }
  }

  public void add(Batch batch) {
    if (!assignGroups(batch)) {
      return;
    }
    for (int k = 0; k < accumulators.length; k++) {
      if (filters[k] < 0) {
        update(accumulators[k], batch, groups);
      } else {
        updateFiltered(accumulators[k], batch, filters[k]);
      }
    }
    account();
  }

  /** groups[j] = the group of live row j, made room for; false for an empty batch. */
  private boolean assignGroups(Batch batch) {
    int size = batch.size();
    if (size == 0) {
      return false;
    }
    if (groups.length < size) {
      groups = new int[Math.max(size, 1024)];
    }
    table.assign(batch, groups);
    ensureCapacity();
    return true;
  }

  /** Aggregates only the rows where the filter column is true (FILTER (WHERE ...)). */
  private void updateFiltered(Accumulator accumulator, Batch batch, int filter) {
    int size = batch.size();
    if (filteredRows.length < size) {
      filteredRows = new int[size];
      filteredGroups = new int[size];
    }
    FieldVector column = batch.column(filter);
    ArrowBuf data = column.getDataBuffer();
    ArrowBuf valid = column.getValidityBuffer();
    boolean noNulls = column.getNullCount() == 0;
    int count = 0;
    for (int j = 0; j < size; j++) {
      int row = batch.row(j);
      if ((noNulls || BitVectorHelper.get(valid, row) != 0)
          && BitVectorHelper.get(data, row) != 0) {
        filteredRows[count] = row;
        filteredGroups[count] = groups[j];
        count++;
      }
    }
    update(accumulator, batch.withSelection(filteredRows, count), filteredGroups);
  }

  private void update(Accumulator accumulator, Batch batch, int[] batchGroups) {
    if (singleGroup) {
      accumulator.updateSingleGroup(batch, batchGroups);
    } else {
      accumulator.update(batch, batchGroups);
    }
  }

  /** Adds another aggregation's groups and states into this one. */
  public void merge(Aggregation other) {
    int[] mapping = table.mergeFrom(other.table);
    ensureCapacity();
    for (int k = 0; k < accumulators.length; k++) {
      accumulators[k].merge(other.accumulators[k], mapping);
    }
    account();
  }

  private void account() {
    long bytes = table.memoryBytes() + groups.length * 4L + filteredRows.length * 8L;
    for (Accumulator accumulator : accumulators) {
      bytes += accumulator.memoryBytes();
    }
    if (bytes > accountedBytes) {
      reservation.grow(bytes - accountedBytes);
      accountedBytes = bytes;
    }
  }

  /**
   * The columns of spilled partial groups: the keys, then each aggregate's state. An
   * aggregation over such rows, with the keys as its group keys, merges them by
   * {@link #mergeStates}.
   */
  public List<DataType> stateTypes() {
    List<DataType> types = new ArrayList<>(keyTypes);
    for (Accumulator accumulator : accumulators) {
      types.addAll(accumulator.stateTypes());
    }
    return types;
  }

  /** Writes groups [from, from + count) as rows of {@link #stateTypes}. */
  public void writeStates(FieldVector[] vectors, int from, int count) {
    int keyCount = keyTypes.size();
    table.writeKeys(Arrays.copyOfRange(vectors, 0, keyCount), from, count);
    int column = keyCount;
    for (Accumulator accumulator : accumulators) {
      accumulator.writeStates(vectors, column, from, count);
      column += accumulator.stateTypes().size();
    }
  }

  /** Adds rows of {@link #stateTypes} (partial groups) to this aggregation's groups. */
  public void mergeStates(Batch batch) {
    if (!assignGroups(batch)) {
      return;
    }
    int column = keyTypes.size();
    for (Accumulator accumulator : accumulators) {
      accumulator.mergeStates(batch, column, groups);
      column += accumulator.stateTypes().size();
    }
    account();
  }

  public int groupCount() {
    return table.groupCount();
  }

  /** Writes groups [from, from + count): keys into vectors[0, keyCount), then aggregates. */
  public void write(FieldVector[] vectors, int keyCount, int from, int count) {
    table.writeKeys(Arrays.copyOfRange(vectors, 0, keyCount), from, count);
    for (int k = 0; k < accumulators.length; k++) {
      accumulators[k].write(vectors[keyCount + k], from, count);
    }
  }
}
