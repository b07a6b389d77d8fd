package io.exapg.storage.format;

import java.util.Arrays;

/**
 * Minimum, maximum and null count of a chunk's values, so that scans can skip chunks. Exact
 * types keep longs, floating point keeps doubles (none when a NaN is present), strings keep
 * UTF-8 bytes (none when longer than {@link #MAX_STRING_BYTES}).
 */
public record ZoneMap(int rowCount, int nullCount, boolean hasRange, long minLong, long maxLong,
    double minDouble, double maxDouble, byte[] minBytes, byte[] maxBytes) {
  public static final int MAX_STRING_BYTES = 64;

  public static ZoneMap ofLongs(int rows, int nulls, long min, long max) {
    return new ZoneMap(rows, nulls, rows > nulls, min, max, 0, 0, null, null);
  }

  public static ZoneMap ofDoubles(int rows, int nulls, boolean hasRange, double min, double max) {
    return new ZoneMap(rows, nulls, hasRange && rows > nulls, 0, 0, min, max, null, null);
  }

  public static ZoneMap ofBytes(int rows, int nulls, byte[] min, byte[] max) {
    boolean keep = rows > nulls && min != null && max != null && min.length <= MAX_STRING_BYTES
        && max.length <= MAX_STRING_BYTES;
    return new ZoneMap(rows, nulls, keep, 0, 0, 0, 0, keep ? min : null, keep ? max : null);
  }

  /** Whether every row is NULL. */
  public boolean allNull() {
    return nullCount == rowCount;
  }

  /** The zone map covering this one and another of the same column. */
  public ZoneMap union(ZoneMap other) {
    int rows = rowCount + other.rowCount;
    int nulls = nullCount + other.nullCount;
    if (allNull()) {
      return new ZoneMap(rows, nulls, other.hasRange, other.minLong, other.maxLong,
          other.minDouble, other.maxDouble, other.minBytes, other.maxBytes);
    }
    if (other.allNull()) {
      return new ZoneMap(rows, nulls, hasRange, minLong, maxLong, minDouble, maxDouble, minBytes,
          maxBytes);
    }
    if (!hasRange || !other.hasRange) {
      return new ZoneMap(rows, nulls, false, 0, 0, 0, 0, null, null);
    }
    if (minBytes != null) {
      return new ZoneMap(rows, nulls, true, 0, 0, 0, 0,
          Arrays.compareUnsigned(minBytes, other.minBytes) <= 0 ? minBytes : other.minBytes,
          Arrays.compareUnsigned(maxBytes, other.maxBytes) >= 0 ? maxBytes : other.maxBytes);
    }
    return new ZoneMap(rows, nulls, true, Math.min(minLong, other.minLong),
        Math.max(maxLong, other.maxLong), Math.min(minDouble, other.minDouble),
        Math.max(maxDouble, other.maxDouble), null, null);
  }
}
