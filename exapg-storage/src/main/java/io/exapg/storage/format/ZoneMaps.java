package io.exapg.storage.format;

import java.util.Arrays;

/** The zone map (row count, null count, min and max) of a chunk, per kind of value. */
final class ZoneMaps {
  private ZoneMaps() {
  }

  static ZoneMap longZone(ColumnData data, int from, int count, int nullCount) {
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    long[] values = data.longs();
    for (int k = 0; k < count; k++) {
      if (!data.isNull(from + k)) {
        min = Math.min(min, values[from + k]);
        max = Math.max(max, values[from + k]);
      }
    }
    return ZoneMap.ofLongs(count, nullCount, min, max);
  }

  static ZoneMap doubleZone(ColumnData data, int from, int count, int nullCount) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    boolean nan = false;
    double[] values = data.doubles();
    for (int k = 0; k < count; k++) {
      if (!data.isNull(from + k)) {
        double v = values[from + k];
        nan |= Double.isNaN(v);
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    return ZoneMap.ofDoubles(count, nullCount, !nan, min, max);
  }

  static ZoneMap stringZone(ColumnData data, int from, int count, int nullCount) {
    byte[] bytes = data.bytes();
    int[] offsets = data.offsets();
    int minRow = -1;
    int maxRow = -1;
    for (int k = 0; k < count; k++) {
      int row = from + k;
      if (data.isNull(row)) {
        continue;
      }
      if (minRow < 0 || Arrays.compareUnsigned(bytes, offsets[row], offsets[row + 1], bytes,
          offsets[minRow], offsets[minRow + 1]) < 0) {
        minRow = row;
      }
      if (maxRow < 0 || Arrays.compareUnsigned(bytes, offsets[row], offsets[row + 1], bytes,
          offsets[maxRow], offsets[maxRow + 1]) > 0) {
        maxRow = row;
      }
    }
    if (minRow < 0) {
      return ZoneMap.ofBytes(count, nullCount, null, null);
    }
    return stringZone(data, minRow, maxRow, count, nullCount);
  }

  /** The zone of a range whose smallest and largest values are known (rows of data). */
  static ZoneMap stringZone(ColumnData data, int minRow, int maxRow, int count,
      int nullCount) {
    byte[] bytes = data.bytes();
    int[] offsets = data.offsets();
    return ZoneMap.ofBytes(count, nullCount,
        Arrays.copyOfRange(bytes, offsets[minRow], offsets[minRow + 1]),
        Arrays.copyOfRange(bytes, offsets[maxRow], offsets[maxRow + 1]));
  }
}
