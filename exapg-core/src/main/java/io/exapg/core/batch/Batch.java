package io.exapg.core.batch;

import java.util.Arrays;
import org.apache.arrow.vector.FieldVector;

/**
 * A set of Arrow column vectors of equal length plus an optional selection vector naming the
 * rows that are live, so that a filter need not copy. A batch is a view: it owns nothing and is
 * valid only while the call that received it runs; whoever keeps data copies or transfers it.
 */
public final class Batch {
  private final FieldVector[] columns;
  private final int rowCount;
  private final int[] selection;
  private final int size;

  private Batch(FieldVector[] columns, int rowCount, int[] selection, int size) {
    this.columns = columns;
    this.rowCount = rowCount;
    this.selection = selection;
    this.size = size;
  }

  /** All rowCount rows of the vectors are live. */
  public static Batch of(FieldVector[] columns, int rowCount) {
    return new Batch(columns, rowCount, null, rowCount);
  }

  /** Only the rows selection[0..size) are live; the array must be in increasing order. */
  public static Batch selected(FieldVector[] columns, int rowCount, int[] selection, int size) {
    return new Batch(columns, rowCount, selection, size);
  }

  public Batch withSelection(int[] newSelection, int newSize) {
    return new Batch(columns, rowCount, newSelection, newSize);
  }

  /** The same rows over other vectors of the same length. */
  public Batch withColumns(FieldVector[] newColumns) {
    return new Batch(newColumns, rowCount, selection, size);
  }

  /** Number of live rows. */
  public int size() {
    return size;
  }

  /** Number of physical rows in the vectors, live or not. */
  public int rowCount() {
    return rowCount;
  }

  /** The live row positions, or null when all rowCount rows are live. */
  public int[] selection() {
    return selection;
  }

  public boolean hasSelection() {
    return selection != null;
  }

  /** Physical position of the j-th live row. */
  public int row(int j) {
    return selection == null ? j : selection[j];
  }

  public FieldVector column(int index) {
    return columns[index];
  }

  public int columnCount() {
    return columns.length;
  }

  public FieldVector[] columns() {
    return columns;
  }

  @Override
  public String toString() {
    return "Batch[" + size + " of " + rowCount + " rows, " + columns.length + " columns"
        + (selection == null ? "" : ", selection " + Arrays.toString(
            Arrays.copyOf(selection, Math.min(size, 8))))
        + "]";
  }
}
