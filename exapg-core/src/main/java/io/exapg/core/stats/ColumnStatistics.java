package io.exapg.core.stats;

/**
 * What is known about one column's values.
 *
 * @param nulls rows where the column is NULL
 * @param distinct the sketch of its distinct non-null values
 * @param min the smallest value as a number (numbers, dates as days, timestamps as
 *     microseconds), or NaN when unknown or not numeric
 * @param max the largest, likewise
 */
public record ColumnStatistics(long nulls, DistinctSketch distinct, double min, double max) {
  public long distinctCount() {
    return distinct.estimate();
  }

  public boolean hasRange() {
    return !Double.isNaN(min) && !Double.isNaN(max);
  }
}
