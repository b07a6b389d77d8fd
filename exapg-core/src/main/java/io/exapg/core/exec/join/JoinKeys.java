package io.exapg.core.exec.join;

import io.exapg.core.batch.Batch;
import io.exapg.core.exec.hash.ColumnReader;
import io.exapg.core.exec.hash.Hashing;
import io.exapg.core.exec.hash.KeySerializer;
import io.exapg.core.type.DataType;
import io.exapg.core.type.PhysicalType;
import java.util.Arrays;
import java.util.List;

/**
 * The join keys of the live rows of a batch, with their hashes: one long per row when there is
 * a single fixed-width key or when several small integer keys fit into one (two INTs, as in
 * TPC-H's {@code (ps_partkey, ps_suppkey)}), else serialized bytes. Rows whose key can never
 * match (NULL in a key that is not null-safe) are flagged. Both sides of a join have keys of
 * the same types (the planner casts them to a common one), so they choose alike.
 */
final class JoinKeys {
  private final int[] columns;
  private final boolean[] nullSafe;
  private final boolean singleLong;
  /** Bits of each key column in the packed long; null unless several keys are packed. */
  private final int[] packedBits;
  private final KeySerializer serializer;
  long[] longs = new long[0];
  long[] hashes = new long[0];
  boolean[] unmatchable = new boolean[0];
  /** For a single long key: whether the key is NULL (which matches NULL when null-safe). */
  boolean[] keyNull = new boolean[0];
  private boolean[] nulls = new boolean[0];
  /** One key column's values while several are packed. */
  private long[] column = new long[0];

  JoinKeys(List<Integer> keyColumns, List<Boolean> nullSafeKeys, List<DataType> types) {
    this.columns = keyColumns.stream().mapToInt(Integer::intValue).toArray();
    this.nullSafe = new boolean[columns.length];
    for (int k = 0; k < columns.length; k++) {
      nullSafe[k] = nullSafeKeys.get(k);
    }
    this.packedBits = packedBits(columns, nullSafe, types);
    this.singleLong = packedBits != null || columns.length == 1
        && types.get(columns[0]).physical() != PhysicalType.VARBINARY;
    this.serializer = singleLong ? null : new KeySerializer(columns);
  }

  /**
   * The bits of each key column when several keys that are never NULL-safe can share one
   * long without loss, else null.
   */
  private static int[] packedBits(int[] columns, boolean[] nullSafe, List<DataType> types) {
    if (columns.length < 2) {
      return null;
    }
    int[] bits = new int[columns.length];
    int total = 0;
    for (int k = 0; k < columns.length; k++) {
      if (nullSafe[k]) {
        return null;
      }
      bits[k] = switch (types.get(columns[k]).physical()) {
        case BIT -> 1;
        case INT16 -> Short.SIZE;
        case INT32 -> Integer.SIZE;
        default -> 0;
      };
      if (bits[k] == 0) {
        return null;
      }
      total += bits[k];
    }
    return total <= Long.SIZE ? bits : null;
  }

  boolean isSingleLong() {
    return singleLong;
  }

  KeySerializer serializer() {
    return serializer;
  }

  void compute(Batch batch) {
    int size = batch.size();
    if (hashes.length < size) {
      int capacity = Math.max(size, 1024);
      longs = new long[capacity];
      hashes = new long[capacity];
      unmatchable = new boolean[capacity];
      keyNull = new boolean[capacity];
      nulls = new boolean[capacity];
    }
    Arrays.fill(unmatchable, 0, size, false);
    if (packedBits != null) {
      pack(batch, size);
      return;
    }
    if (singleLong) {
      boolean anyNull = ColumnReader.readLongs(batch, columns[0], longs, nulls);
      for (int j = 0; j < size; j++) {
        if (anyNull && nulls[j]) {
          unmatchable[j] = !nullSafe[0];
          keyNull[j] = true;
          longs[j] = 0;
          hashes[j] = 0;
        } else {
          keyNull[j] = false;
          hashes[j] = Hashing.mix(longs[j]);
        }
      }
      return;
    }
    serializer.serialize(batch);
    byte[] bytes = serializer.bytes();
    for (int j = 0; j < size; j++) {
      hashes[j] = Hashing.hashBytes(bytes, serializer.offset(j), serializer.length(j));
    }
    for (int k = 0; k < columns.length; k++) {
      if (nullSafe[k]) {
        continue;
      }
      if (ColumnReader.readNulls(batch, columns[k], nulls)) {
        for (int j = 0; j < size; j++) {
          unmatchable[j] |= nulls[j];
        }
      }
    }
  }

  private void pack(Batch batch, int size) {
    if (column.length < size) {
      column = new long[hashes.length];
    }
    Arrays.fill(longs, 0, size, 0L);
    for (int k = 0; k < columns.length; k++) {
      boolean anyNull = ColumnReader.readLongs(batch, columns[k], column, nulls);
      int bits = packedBits[k];
      long mask = -1L >>> (Long.SIZE - bits);
      for (int j = 0; j < size; j++) {
        longs[j] = longs[j] << bits | column[j] & mask;
      }
      if (anyNull) {
        for (int j = 0; j < size; j++) {
          unmatchable[j] |= nulls[j];
        }
      }
    }
    for (int j = 0; j < size; j++) {
      keyNull[j] = false;
      hashes[j] = Hashing.mix(longs[j]);
    }
  }
}
