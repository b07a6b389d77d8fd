package io.exapg.core.exec.sort;

import io.exapg.core.batch.Vectors;
import io.exapg.core.exec.WorkerPool;
import io.exapg.core.expr.runtime.Arithmetic;
import io.exapg.core.plan.SortKey;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/**
 * Compares rows of a set of vectors by ORDER BY keys. Each key column is first copied into
 * primitive arrays, so comparisons read arrays, not Arrow buffers.
 */
public final class RowComparator {
  /** Sorts of fewer rows than this per thread stay on one thread. */
  private static final int PARALLEL_SLICE_ROWS = 1 << 15;

  private final KeyComparator[] keys;

  /** Compares two rows on one key. */
  private abstract static class KeyComparator {
    final boolean[] nulls;
    final boolean descending;
    final boolean nullsFirst;

    KeyComparator(boolean[] nulls, SortKey key) {
      this.nulls = nulls;
      this.descending = key.descending();
      this.nullsFirst = key.nullsFirst();
    }

    final int compare(int a, int b) {
      boolean nullA = nulls[a];
      boolean nullB = nulls[b];
      if (nullA || nullB) {
        if (nullA && nullB) {
          return 0;
        }
        return nullA == nullsFirst ? -1 : 1;
      }
      int c = compareValues(a, b);
      return descending ? -c : c;
    }

    abstract int compareValues(int a, int b);
  }

  private static final class LongKey extends KeyComparator {
    private final long[] values;

    LongKey(long[] values, boolean[] nulls, SortKey key) {
      super(nulls, key);
      this.values = values;
    }

    @Override
    int compareValues(int a, int b) {
      return Long.compare(values[a], values[b]);
    }
  }

  private static final class DoubleKey extends KeyComparator {
    private final double[] values;

    DoubleKey(double[] values, boolean[] nulls, SortKey key) {
      super(nulls, key);
      this.values = values;
    }

    @Override
    int compareValues(int a, int b) {
      return Arithmetic.compareDouble(values[a], values[b]);
    }
  }

  private static final class BytesKey extends KeyComparator {
    private final byte[] data;
    private final int[] offsets;

    BytesKey(byte[] data, int[] offsets, boolean[] nulls, SortKey key) {
      super(nulls, key);
      this.data = data;
      this.offsets = offsets;
    }

    @Override
    int compareValues(int a, int b) {
      return Arrays.compareUnsigned(data, offsets[a], offsets[a + 1], data, offsets[b],
          offsets[b + 1]);
    }
  }

  public RowComparator(FieldVector[] columns, List<SortKey> sortKeys, int rowCount) {
    keys = new KeyComparator[sortKeys.size()];
    for (int k = 0; k < keys.length; k++) {
      SortKey key = sortKeys.get(k);
      keys[k] = extract(columns[key.column()], key, rowCount);
    }
  }

  private static KeyComparator extract(FieldVector vector, SortKey key, int n) {
    boolean[] nulls = new boolean[n];
    ArrowBuf valid = vector.getValidityBuffer();
    if (vector.getNullCount() > 0) {
      for (int i = 0; i < n; i++) {
        nulls[i] = BitVectorHelper.get(valid, i) == 0;
      }
    }
    ArrowBuf data = vector.getDataBuffer();
    switch (Vectors.physicalTypeOf(vector)) {
      case BIT: {
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
          values[i] = BitVectorHelper.get(data, i);
        }
        return new LongKey(values, nulls, key);
      }
      case INT16: {
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
          values[i] = data.getShort((long) i << 1);
        }
        return new LongKey(values, nulls, key);
      }
      case INT32: {
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
          values[i] = data.getInt((long) i << 2);
        }
        return new LongKey(values, nulls, key);
      }
      case INT64: {
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
          values[i] = data.getLong((long) i << 3);
        }
        return new LongKey(values, nulls, key);
      }
      case FLOAT32: {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
          values[i] = data.getFloat((long) i << 2);
        }
        return new DoubleKey(values, nulls, key);
      }
      case FLOAT64: {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
          values[i] = data.getDouble((long) i << 3);
        }
        return new DoubleKey(values, nulls, key);
      }
      default: {
        ArrowBuf offsetBuffer = vector.getOffsetBuffer();
        int[] offsets = new int[n + 1];
        for (int i = 0; i <= n; i++) {
          offsets[i] = n == 0 ? 0 : offsetBuffer.getInt((long) i << 2);
        }
        byte[] bytes = new byte[offsets[n]];
        data.getBytes(0, bytes, 0, bytes.length);
        return new BytesKey(bytes, offsets, nulls, key);
      }
    }
  }

  public int compare(int a, int b) {
    return compareKeys(a, b, 0, keys.length);
  }

  /** Compares two rows on the keys [from, to) only. */
  public int compareKeys(int a, int b, int from, int to) {
    for (int k = from; k < to; k++) {
      int c = keys[k].compare(a, b);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /** The row numbers 0..n-1 in sorted order (stable). */
  public int[] sortedOrder(int n) {
    int[] packed = packedOrder(n, null);
    if (packed != null) {
      return packed;
    }
    int[] order = identity(n);
    int[] buffer = new int[n];
    return sortRange(order, buffer, 0, n) ? order : buffer;
  }

  /**
   * The same order, sorted on all worker threads: each sorts one slice of the rows, then the
   * sorted slices are merged pairwise.
   */
  public int[] sortedOrder(int n, WorkerPool workers) {
    int[] packed = packedOrder(n, workers);
    if (packed != null) {
      return packed;
    }
    int parts = Math.min(workers.threads(), Math.max(1, n / PARALLEL_SLICE_ROWS));
    if (parts < 2) {
      return sortedOrder(n);
    }
    int[] order = identity(n);
    int[] buffer = new int[n];
    int[] bounds = new int[parts + 1];
    for (int p = 0; p <= parts; p++) {
      bounds[p] = (int) ((long) n * p / parts);
    }
    workers.runAll(parts, p -> {
      if (!sortRange(order, buffer, bounds[p], bounds[p + 1])) {
        System.arraycopy(buffer, bounds[p], order, bounds[p], bounds[p + 1] - bounds[p]);
      }
    });
    int[] from = order;
    int[] to = buffer;
    for (int width = 1; width < parts; width *= 2) {
      for (int p = 0; p < parts; p += 2 * width) {
        int low = bounds[p];
        int middle = bounds[Math.min(p + width, parts)];
        int high = bounds[Math.min(p + 2 * width, parts)];
        merge(from, to, low, middle, high);
      }
      int[] swap = from;
      from = to;
      to = swap;
    }
    return from;
  }

  /** The order by {@link PackedSort} when every key is a long and they fit; else null. */
  private int[] packedOrder(int n, WorkerPool workers) {
    long[][] values = new long[keys.length][];
    boolean[][] nulls = new boolean[keys.length][];
    boolean[] descending = new boolean[keys.length];
    boolean[] nullsFirst = new boolean[keys.length];
    for (int k = 0; k < keys.length; k++) {
      if (!(keys[k] instanceof LongKey key)) {
        return null;
      }
      values[k] = key.values;
      nulls[k] = key.nulls;
      descending[k] = key.descending;
      nullsFirst[k] = key.nullsFirst;
    }
    return PackedSort.sortedOrder(values, nulls, descending, nullsFirst, n, workers);
  }

  private static int[] identity(int n) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    return order;
  }

  /**
   * Sorts order[low, high) by bottom-up merging with buffer; returns true when the result is
   * in order, false when it is in buffer.
   */
  private boolean sortRange(int[] order, int[] buffer, int low, int high) {
    int[] from = order;
    int[] to = buffer;
    int n = high - low;
    for (int width = 1; width < n; width *= 2) {
      for (int start = low; start < high; start += 2 * width) {
        int middle = Math.min(start + width, high);
        int end = Math.min(start + 2 * width, high);
        merge(from, to, start, middle, end);
      }
      int[] swap = from;
      from = to;
      to = swap;
    }
    return from == order;
  }

  private void merge(int[] from, int[] to, int low, int middle, int high) {
    int i = low;
    int j = middle;
    int k = low;
    if (middle >= high || compare(from[middle - 1], from[middle]) <= 0) {
      System.arraycopy(from, low, to, low, high - low);
      return;
    }
    while (i < middle && j < high) {
      to[k++] = compare(from[j], from[i]) < 0 ? from[j++] : from[i++];
    }
    while (i < middle) {
      to[k++] = from[i++];
    }
    while (j < high) {
      to[k++] = from[j++];
    }
  }
}
