package io.exapg.storage.catalog;

import java.util.Locale;

/**
 * How a table's rows are split into partitions by one column. Every partition has a key (a
 * long) that {@code io.exapg.storage.table.PartitionKeys} computes from the column's value;
 * rows of different keys never share a segment, so zone maps prune whole partitions.
 *
 * @param column the partition column's name
 * @param method ranges of time, ranges of values, or one partition per value
 * @param unit for {@link Method#TIME_RANGE}: the time unit partitions span
 * @param width how many units (time) or how wide a value range (in the column's stored
 *     representation: unscaled for DECIMAL) one partition spans; 0 for {@link Method#LIST}
 */
public record PartitionSpec(String column, Method method, TimeUnit unit, double width) {
  public enum Method { TIME_RANGE, VALUE_RANGE, LIST }

  public enum TimeUnit { YEAR, MONTH, DAY }

  public static PartitionSpec list(String column) {
    return new PartitionSpec(column, Method.LIST, null, 0);
  }

  public static PartitionSpec timeRange(String column, TimeUnit unit, long count) {
    return new PartitionSpec(column, Method.TIME_RANGE, unit, count);
  }

  public static PartitionSpec valueRange(String column, double width) {
    return new PartitionSpec(column, Method.VALUE_RANGE, null, width);
  }

  /** The clause as a user would write it, for system views. */
  public String describe(int scale) {
    return switch (method) {
      case LIST -> "LIST (" + column + ")";
      case TIME_RANGE -> "RANGE (" + column + ") EVERY INTERVAL '" + (long) width + "' "
          + unit.name();
      case VALUE_RANGE -> "RANGE (" + column + ") EVERY " + formatWidth(scale);
    };
  }

  private String formatWidth(int scale) {
    double value = width / Math.pow(10, scale);
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value) : String.format(Locale.ROOT, "%s", value);
  }
}
