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

  WindowOrdering(FieldVector[] rows, WindowGroup group, int rowCount, WorkerPool workers,
      WindowRanges ranges) {
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
    // Comparing each position with the one before is the costly part: done in parallel,
    // it marks where partitions and peer groups begin; the ranges are then filled in order.
    boolean[] newPartition = new boolean[rowCount];
    boolean[] newPeer = new boolean[rowCount];
    ranges.forEach((from, to) -> {
      for (int p = Math.max(1, from); p < to; p++) {
        int previous = order[p - 1];
        int row = order[p];
        if (comparator.compareKeys(previous, row, 0, partitionKeyCount) != 0) {
          newPartition[p] = true;
          newPeer[p] = true;
        } else if (comparator.compareKeys(previous, row, partitionKeyCount, keys.size()) != 0) {
          newPeer[p] = true;
        }
      }
    });
    int currentPartition = 0;
    int currentPeer = 0;
    for (int p = 0; p < rowCount; p++) {
      if (newPartition[p]) {
        currentPartition = p;
      }
      if (newPeer[p]) {
        currentPeer = p;
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
