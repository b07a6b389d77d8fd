package io.exapg.core.exec.aggregate;

import io.exapg.core.batch.Batch;
import io.exapg.core.type.DataType;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/** The running state of one aggregate function for every group, in primitive arrays. */
interface Accumulator {
  /** Makes room for states of groups [0, groups). */
  void ensureCapacity(int groups);

  /** Adds live row j of the batch to group groups[j]. */
  void update(Batch batch, int[] groups);

  /**
   * Adds every live row of the batch to group 0 (aggregation without GROUP BY); groups holds
   * zeros. Accumulators override it where one running value beats indexing per row.
   */
  default void updateSingleGroup(Batch batch, int[] groups) {
    update(batch, groups);
  }

  /** Adds the other accumulator's states: its group g into this group mapping[g]. */
  void merge(Accumulator other, int[] mapping);

  /** Writes the final values of groups [from, from + count) into rows [0, count). */
  void write(FieldVector out, int from, int count);

  /** The columns that hold one group's partial state when it is spilled. */
  List<DataType> stateTypes();

  /** Writes the partial states of groups [from, from + count) into out[column, ...). */
  void writeStates(FieldVector[] out, int column, int from, int count);

  /** Adds the partial states in columns [column, ...) of live row j to group groups[j]. */
  void mergeStates(Batch batch, int column, int[] groups);

  long memoryBytes();
}
