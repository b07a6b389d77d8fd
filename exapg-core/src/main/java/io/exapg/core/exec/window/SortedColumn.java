package io.exapg.core.exec.window;

import io.exapg.core.batch.Batch;
import io.exapg.core.exec.hash.ColumnReader;
import org.apache.arrow.vector.FieldVector;

/** One numeric column's values and nulls in the sorted order of a window group. */
final class SortedColumn {
  final long[] longs;
  final double[] doubles;
  final boolean[] nulls;

  private SortedColumn(long[] longs, double[] doubles, boolean[] nulls) {
    this.longs = longs;
    this.doubles = doubles;
    this.nulls = nulls;
  }

  /** Integers, decimals (unscaled), dates and timestamps as longs. */
  static SortedColumn ofLongs(FieldVector[] rows, int column, WindowOrdering ordering) {
    int n = ordering.rowCount;
    long[] values = new long[n];
    boolean[] nulls = new boolean[n];
    ColumnReader.readLongs(Batch.of(rows, n), column, values, nulls);
    return new SortedColumn(permute(values, ordering.order), null, permute(nulls, ordering.order));
  }

  static SortedColumn ofDoubles(FieldVector[] rows, int column, WindowOrdering ordering) {
    int n = ordering.rowCount;
    double[] values = new double[n];
    boolean[] nulls = new boolean[n];
    ColumnReader.readDoubles(Batch.of(rows, n), column, values, nulls);
    double[] sorted = new double[n];
    for (int p = 0; p < n; p++) {
      sorted[p] = values[ordering.order[p]];
    }
    return new SortedColumn(null, sorted, permute(nulls, ordering.order));
  }

  /** Only the nulls, for functions that do not read the values. */
  static SortedColumn ofNulls(FieldVector[] rows, int column, WindowOrdering ordering) {
    int n = ordering.rowCount;
    boolean[] nulls = new boolean[n];
    ColumnReader.readNulls(Batch.of(rows, n), column, nulls);
    return new SortedColumn(null, null, permute(nulls, ordering.order));
  }

  private static long[] permute(long[] values, int[] order) {
    long[] sorted = new long[order.length];
    for (int p = 0; p < order.length; p++) {
      sorted[p] = values[order[p]];
    }
    return sorted;
  }

  private static boolean[] permute(boolean[] values, int[] order) {
    boolean[] sorted = new boolean[order.length];
    for (int p = 0; p < order.length; p++) {
      sorted[p] = values[order[p]];
    }
    return sorted;
  }
}
