package io.exapg.core.exec.window;

import io.exapg.core.exec.WorkerPool;

/**
 * Cuts a window group's sorted positions [0, n) into one range per worker, for computing
 * positions' values in parallel. Every function's value at a position depends only on
 * arrays computed beforehand (partitions, peers, frames, prefix sums), or on state it can
 * rebuild at a range's first position, so a range may start inside a partition. Cuts fall on
 * multiples of 64, so that no two ranges write bits of the same byte of a validity bitmap.
 */
final class WindowRanges {
  /** Fewer rows than this per worker are not worth a task. */
  private static final int MIN_RANGE_ROWS = 8192;

  /** What a worker computes for the positions [from, to). */
  interface RangeTask {
    void run(int from, int to);
  }

  private final int[] bounds;
  private final WorkerPool workers;

  WindowRanges(int rowCount, WorkerPool workers) {
    int ranges = Math.max(1, Math.min(workers.threads(), rowCount / MIN_RANGE_ROWS));
    bounds = new int[ranges + 1];
    for (int r = 1; r < ranges; r++) {
      bounds[r] = (int) ((long) rowCount * r / ranges) & ~63;
    }
    bounds[ranges] = rowCount;
    this.workers = workers;
  }

  /** Runs the task over every range, on the workers, and waits for all of them. */
  void forEach(RangeTask task) {
    workers.runAll(bounds.length - 1, r -> task.run(bounds[r], bounds[r + 1]));
  }
}
