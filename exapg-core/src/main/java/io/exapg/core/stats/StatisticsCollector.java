package io.exapg.core.stats;

import io.exapg.core.batch.Batch;
import io.exapg.core.exec.hash.ColumnReader;
import io.exapg.core.exec.hash.Hashing;
import io.exapg.core.type.DataType;
import io.exapg.core.type.PhysicalType;
import io.exapg.core.type.TypeId;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/**
 * Gathers {@link TableStatistics} from batches of a table's rows; one collector per thread,
 * merged at the end. Values are hashed from primitive buffers into each column's sketch.
 */
public final class StatisticsCollector {
  private final List<DataType> types;
  private final DistinctSketch[] sketches;
  private final long[] nulls;
  private final double[] min;
  private final double[] max;
  private long rows;
  private long[] longs = new long[0];
  private double[] doubles = new double[0];
  private boolean[] isNull = new boolean[0];
  private byte[] scratch = new byte[64];

  public StatisticsCollector(List<DataType> types) {
    this.types = List.copyOf(types);
    int n = types.size();
    this.sketches = new DistinctSketch[n];
    this.nulls = new long[n];
    this.min = new double[n];
    this.max = new double[n];
    for (int c = 0; c < n; c++) {
      sketches[c] = new DistinctSketch();
      min[c] = Double.POSITIVE_INFINITY;
      max[c] = Double.NEGATIVE_INFINITY;
    }
  }

  /** Adds the live rows of a batch whose columns are the table's columns in order. */
  public void add(Batch batch) {
    int size = batch.size();
    if (size == 0) {
      return;
    }
    rows += size;
    if (longs.length < size) {
      longs = new long[size];
      doubles = new double[size];
      isNull = new boolean[size];
    }
    for (int c = 0; c < types.size(); c++) {
      DataType type = types.get(c);
      if (type.physical() == PhysicalType.VARBINARY) {
        addStrings(batch, c);
      } else if (type.id() == TypeId.REAL || type.id() == TypeId.DOUBLE) {
        ColumnReader.readDoubles(batch, c, doubles, isNull);
        for (int j = 0; j < size; j++) {
          if (isNull[j]) {
            nulls[c]++;
          } else {
            double value = doubles[j];
            sketches[c].add(Hashing.mix(Double.doubleToLongBits(value == 0 ? 0 : value)));
            min[c] = Math.min(min[c], value);
            max[c] = Math.max(max[c], value);
          }
        }
      } else {
        ColumnReader.readLongs(batch, c, longs, isNull);
        double scale = Math.pow(10, type.decimalScale());
        long low = Long.MAX_VALUE;
        long high = Long.MIN_VALUE;
        for (int j = 0; j < size; j++) {
          if (isNull[j]) {
            nulls[c]++;
          } else {
            long value = longs[j];
            sketches[c].add(Hashing.mix(value));
            low = Math.min(low, value);
            high = Math.max(high, value);
          }
        }
        if (low <= high) {
          min[c] = Math.min(min[c], low / scale);
          max[c] = Math.max(max[c], high / scale);
        }
      }
    }
  }

  private void addStrings(Batch batch, int column) {
    FieldVector vector = batch.column(column);
    ArrowBuf valid = vector.getValidityBuffer();
    ArrowBuf offsets = vector.getOffsetBuffer();
    ArrowBuf data = vector.getDataBuffer();
    boolean noNulls = vector.getNullCount() == 0;
    for (int j = 0; j < batch.size(); j++) {
      int row = batch.row(j);
      if (!noNulls && BitVectorHelper.get(valid, row) == 0) {
        nulls[column]++;
        continue;
      }
      int start = offsets.getInt((long) row << 2);
      int length = offsets.getInt(((long) row + 1) << 2) - start;
      if (scratch.length < length) {
        scratch = new byte[Math.max(length, scratch.length * 2)];
      }
      data.getBytes(start, scratch, 0, length);
      sketches[column].add(Hashing.hashBytes(scratch, 0, length));
    }
  }

  public void merge(StatisticsCollector other) {
    rows += other.rows;
    for (int c = 0; c < types.size(); c++) {
      sketches[c].merge(other.sketches[c]);
      nulls[c] += other.nulls[c];
      min[c] = Math.min(min[c], other.min[c]);
      max[c] = Math.max(max[c], other.max[c]);
    }
  }

  public long rows() {
    return rows;
  }

  public TableStatistics result() {
    List<ColumnStatistics> columns = new ArrayList<>();
    for (int c = 0; c < types.size(); c++) {
      boolean range = min[c] <= max[c];
      columns.add(new ColumnStatistics(nulls[c], DistinctSketch.of(sketches[c].registers()),
          range ? min[c] : Double.NaN, range ? max[c] : Double.NaN));
    }
    return new TableStatistics(rows, columns);
  }

  /** The statistics of both row sets together. */
  public static TableStatistics combine(TableStatistics a, TableStatistics b) {
    List<ColumnStatistics> columns = new ArrayList<>();
    for (int c = 0; c < a.columns().size(); c++) {
      ColumnStatistics x = a.columns().get(c);
      ColumnStatistics y = b.columns().get(c);
      DistinctSketch sketch = DistinctSketch.of(x.distinct().registers());
      sketch.merge(y.distinct());
      columns.add(new ColumnStatistics(x.nulls() + y.nulls(), sketch, minOf(x.min(), y.min()),
          maxOf(x.max(), y.max())));
    }
    return new TableStatistics(a.rows() + b.rows(), columns);
  }

  private static double minOf(double a, double b) {
    return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.min(a, b);
  }

  private static double maxOf(double a, double b) {
    return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.max(a, b);
  }
}
