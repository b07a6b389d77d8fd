package io.exapg.storage.table;

import io.exapg.core.batch.Batch;
import io.exapg.core.exec.hash.ColumnReader;
import io.exapg.core.type.Calendar;
import io.exapg.core.type.DataType;
import io.exapg.core.type.PhysicalType;
import io.exapg.core.type.TypeId;
import io.exapg.storage.catalog.PartitionSpec;
import io.exapg.storage.catalog.TableDef;
import io.exapg.storage.format.ZoneMap;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/**
 * The partition key of rows: per batch, on primitive arrays, when rows are routed to their
 * partition's buffer; and of a whole segment from its zone map, when compaction keeps
 * partitions apart. Rows with equal keys share a partition; NULLs have a key of their own.
 */
public final class PartitionKeys {
  public static final long NULL_KEY = Long.MIN_VALUE;
  private static final long HASH_SEED = 0xcbf29ce484222325L;
  private static final long HASH_PRIME = 0x100000001b3L;

  private final PartitionSpec spec;
  private final int column;
  private final DataType type;
  private long[] longs = new long[0];
  private double[] doubles = new double[0];
  private boolean[] nulls = new boolean[0];

  public PartitionKeys(TableDef table) {
    this.spec = table.partitioning();
    this.column = table.partitionColumn();
    this.type = table.columns().get(column).type();
  }

  /** Fills keys[j] with the key of live row j of the batch. */
  public void keys(Batch batch, long[] keys) {
    int n = batch.size();
    if (nulls.length < n) {
      nulls = new boolean[n];
      longs = new long[n];
      doubles = new double[n];
    }
    PhysicalType physical = type.physical();
    boolean anyNull;
    if (physical == PhysicalType.VARBINARY) {
      anyNull = stringHashes(batch, keys);
    } else if (physical == PhysicalType.FLOAT32 || physical == PhysicalType.FLOAT64) {
      anyNull = ColumnReader.readDoubles(batch, column, doubles, nulls);
      for (int j = 0; j < n; j++) {
        keys[j] = ofDouble(doubles[j]);
      }
    } else {
      anyNull = ColumnReader.readLongs(batch, column, longs, nulls);
      for (int j = 0; j < n; j++) {
        keys[j] = ofLong(longs[j]);
      }
    }
    if (anyNull) {
      for (int j = 0; j < n; j++) {
        if (nulls[j]) {
          keys[j] = NULL_KEY;
        }
      }
    }
  }

  private boolean stringHashes(Batch batch, long[] keys) {
    FieldVector vector = batch.column(column);
    ArrowBuf offsets = vector.getOffsetBuffer();
    ArrowBuf data = vector.getDataBuffer();
    ArrowBuf valid = vector.getValidityBuffer();
    boolean noNulls = vector.getNullCount() == 0;
    boolean anyNull = false;
    for (int j = 0; j < batch.size(); j++) {
      int i = batch.row(j);
      nulls[j] = !noNulls && BitVectorHelper.get(valid, i) == 0;
      anyNull |= nulls[j];
      int start = offsets.getInt((long) i << 2);
      int end = offsets.getInt(((long) i + 1) << 2);
      long hash = HASH_SEED;
      for (int k = start; k < end; k++) {
        hash = (hash ^ (data.getByte(k) & 0xff)) * HASH_PRIME;
      }
      keys[j] = finish(hash);
    }
    return anyNull;
  }

  /** Spreads FNV-1a's bits so that no string's key collides with {@link #NULL_KEY}. */
  private static long finish(long hash) {
    long h = hash ^ (hash >>> 33);
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return h == NULL_KEY ? 0 : h;
  }

  private static long ofBytes(byte[] value) {
    long hash = HASH_SEED;
    for (byte b : value) {
      hash = (hash ^ (b & 0xff)) * HASH_PRIME;
    }
    return finish(hash);
  }

  private long ofLong(long value) {
    return switch (spec.method()) {
      case LIST -> value;
      case VALUE_RANGE -> Math.floorDiv(value, (long) spec.width());
      case TIME_RANGE -> timeKey(type.id() == TypeId.TIMESTAMP ? Calendar.dayOf(value)
          : (int) value);
    };
  }

  private long ofDouble(double value) {
    if (spec.method() == PartitionSpec.Method.LIST || Double.isNaN(value)) {
      return ColumnReader.canonical(value);
    }
    return (long) Math.floor(value / spec.width());
  }

  /** The key of a day (days since 1970-01-01) by the spec's time unit. */
  private long timeKey(int days) {
    long units = switch (spec.unit()) {
      case DAY -> days;
      case MONTH -> Calendar.year(days) * 12L + Calendar.month(days) - 1;
      case YEAR -> Calendar.year(days);
    };
    return Math.floorDiv(units, (long) spec.width());
  }

  /**
   * The key every row of a segment has, by its zone map; null when its rows have several
   * keys or the zone map cannot tell (strings too long to keep, NaNs).
   */
  public Long keyOf(ZoneMap zone) {
    if (zone.allNull()) {
      return NULL_KEY;
    }
    if (zone.nullCount() > 0 || !zone.hasRange()) {
      return null;
    }
    long min;
    long max;
    switch (type.physical()) {
      case VARBINARY -> {
        min = ofBytes(zone.minBytes());
        max = ofBytes(zone.maxBytes());
      }
      case FLOAT32, FLOAT64 -> {
        min = ofDouble(zone.minDouble());
        max = ofDouble(zone.maxDouble());
      }
      default -> {
        min = ofLong(zone.minLong());
        max = ofLong(zone.maxLong());
      }
    }
    return min == max ? min : null;
  }
}
