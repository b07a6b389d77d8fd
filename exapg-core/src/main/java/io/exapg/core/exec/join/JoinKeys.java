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
 * a single fixed-width key, else serialized bytes. Rows whose key can never match (NULL in a
 * key that is not null-safe) are flagged.
 */
final class JoinKeys {
  private final int[] columns;
  private final boolean[] nullSafe;
  private final boolean singleLong;
  private final KeySerializer serializer;
  long[] longs = new long[0];
  long[] hashes = new long[0];
  boolean[] unmatchable = new boolean[0];
  /** For a single long key: whether the key is NULL (which matches NULL when null-safe). */
  boolean[] keyNull = new boolean[0];
  private boolean[] nulls = new boolean[0];

  JoinKeys(List<Integer> keyColumns, List<Boolean> nullSafeKeys, List<DataType> types) {
    this.columns = keyColumns.stream().mapToInt(Integer::intValue).toArray();
    this.nullSafe = new boolean[columns.length];
    for (int k = 0; k < columns.length; k++) {
      nullSafe[k] = nullSafeKeys.get(k);
    }
    this.singleLong = columns.length == 1
        && types.get(columns[0]).physical() != PhysicalType.VARBINARY;
    this.serializer = singleLong ? null : new KeySerializer(columns);
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
}
