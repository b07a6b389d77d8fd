package io.exapg.core.exec.window;

import io.exapg.core.exec.WorkerPool;
import io.exapg.core.exec.sort.RowComparator;
import io.exapg.core.plan.SortKey;
import io.exapg.core.plan.WindowGroup;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * The rows of a window group sorted by partition keys, then order keys, with each sorted
 * position's partition and peer group (rows with equal order keys) as [start, end) ranges
 * of positions.
 */
final class WindowOrdering {
  final int rowCount;
  /** order[p] = the input row at sorted position p. */
  final int[] order;
  final int[] partitionStart;
  final int[] partitionEnd;
  final int[] peerStart;
  final int[] peerEnd;

  WindowOrdering(FieldVector[] rows, WindowGroup group, int rowCount, WorkerPool workers) {
    this.rowCount = rowCount;
    List<SortKey> keys = new ArrayList<>();
    for (int column : group.partitionKeys()) {
      keys.add(new SortKey(column, false, false));
    }
    keys.addAll(group.orderKeys());
    int partitionKeyCount = group.partitionKeys().size();
    RowComparator comparator = new RowComparator(rows, keys, rowCount);
    order = keys.isEmpty() ? identity(rowCount) : comparator.sortedOrder(rowCount, workers);
    partitionStart = new int[rowCount];
    partitionEnd = new int[rowCount];
    peerStart = new int[rowCount];
    peerEnd = new int[rowCount];
    int currentPartition = 0;
    int currentPeer = 0;
    for (int p = 0; p < rowCount; p++) {
      if (p > 0) {
        int previous = order[p - 1];
        int row = order[p];
        if (comparator.compareKeys(previous, row, 0, partitionKeyCount) != 0) {
          currentPartition = p;
          currentPeer = p;
        } else if (comparator.compareKeys(previous, row, partitionKeyCount, keys.size()) != 0) {
          currentPeer = p;
        }
      }
      partitionStart[p] = currentPartition;
      peerStart[p] = currentPeer;
    }
    int partitionLimit = rowCount;
    int peerLimit = rowCount;
    for (int p = rowCount - 1; p >= 0; p--) {
      partitionEnd[p] = partitionLimit;
      peerEnd[p] = peerLimit;
      if (partitionStart[p] == p) {
        partitionLimit = p;
      }
      if (peerStart[p] == p) {
        peerLimit = p;
      }
    }
  }

  private static int[] identity(int n) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    return order;
  }

  long memoryBytes() {
    return rowCount * 20L;
  }
}
