package io.exapg.storage.table;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The order in which a scan applies its runtime filters, cheapest per row removed first: a
 * filter's rank is its time per row examined divided by the share of rows it removes, so a
 * small Bloom filter that stays in the cache goes before a more selective one that misses it.
 * Filters start in the order the joins registered them; times and shares are learned as
 * morsels finish, from every thread of the scan.
 */
final class RuntimeFilterOrder {
  private final AtomicLongArray examined;
  private final AtomicLongArray passed;
  private final AtomicLongArray nanos;
  private volatile int[] order;

  RuntimeFilterOrder(int filters) {
    examined = new AtomicLongArray(filters);
    passed = new AtomicLongArray(filters);
    nanos = new AtomicLongArray(filters);
    order = new int[filters];
    for (int f = 0; f < filters; f++) {
      order[f] = f;
    }
  }

  /** The filters' indexes, most selective first; not changed by later calls. */
  int[] order() {
    return order;
  }

  /** Counts what a filter did to one morsel's rows, and how long it took. */
  void record(int filter, int rowsIn, int rowsOut, long elapsedNanos) {
    examined.addAndGet(filter, rowsIn);
    passed.addAndGet(filter, rowsOut);
    nanos.addAndGet(filter, elapsedNanos);
  }

  /** Sorts the filters again by their cost per row removed so far. */
  void update() {
    int n = examined.length();
    if (n < 2) {
      return;
    }
    double[] rank = new double[n];
    int[] next = new int[n];
    for (int f = 0; f < n; f++) {
      double rows = examined.get(f) + 1.0;
      double removed = (examined.get(f) - passed.get(f) + 1.0) / rows;
      rank[f] = nanos.get(f) / rows / removed;
      next[f] = f;
    }
    for (int i = 1; i < n; i++) {
      int f = next[i];
      int j = i - 1;
      while (j >= 0 && rank[next[j]] > rank[f]) {
        next[j + 1] = next[j];
        j--;
      }
      next[j + 1] = f;
    }
    order = next;
  }
}
