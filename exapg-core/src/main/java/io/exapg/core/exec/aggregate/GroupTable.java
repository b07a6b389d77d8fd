package io.exapg.core.exec.aggregate;

import io.exapg.core.batch.Batch;
import org.apache.arrow.vector.FieldVector;

/** Maps the group-key values of rows to dense group numbers 0, 1, 2, ... */
public interface GroupTable {
  /** groups[j] = the group of live row j; unseen keys become new groups. */
  void assign(Batch batch, int[] groups);

  int groupCount();

  /** Adds the other table's groups to this one; result[g] = this table's number for g. */
  int[] mergeFrom(GroupTable other);

  /** Writes the keys of groups [from, from + count) to rows [0, count) of the vectors. */
  void writeKeys(FieldVector[] keys, int from, int count);

  /** Heap bytes held. */
  long memoryBytes();
}
