package io.exapg.core.exec.aggregate;

import io.exapg.core.batch.Batch;
import java.util.Arrays;
import org.apache.arrow.vector.FieldVector;

/** Aggregation without GROUP BY: one group, present even when there are no rows. */
final class SingleGroupTable implements GroupTable {
  @Override
  public void assign(Batch batch, int[] groups) {
    Arrays.fill(groups, 0, batch.size(), 0);
  }

  @Override
  public int groupCount() {
    return 1;
  }

  @Override
  public int[] mergeFrom(GroupTable other) {
    return new int[] {0};
  }

  @Override
  public void writeKeys(FieldVector[] keys, int from, int count) {
  }

  @Override
  public long memoryBytes() {
    return 0;
  }
}
