package io.exapg.core.exec.join;

import io.exapg.core.batch.Batch;
import io.exapg.core.batch.Vectors;
import io.exapg.core.exec.BatchSink;
import io.exapg.core.exec.MaterializedRows;
import io.exapg.core.exec.PipelineSink;
import io.exapg.core.exec.QueryContext;
import io.exapg.core.exec.RuntimeFilter;
import io.exapg.core.exec.TaskContext;
import io.exapg.core.exec.hash.ColumnReader;
import io.exapg.core.memory.MemoryReservation;
import io.exapg.core.type.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.FieldVector;

/**
 * Collects the build side of a join (every worker thread appends its morsels), then joins the
 * pieces into one set of vectors and, for a hash join, builds the hash table over them.
 */
public final class JoinBuildSink implements PipelineSink {
  private final List<DataType> types;
  private final MaterializedRows collected;
  private final JoinKeysSpec keys;
  private FieldVector[] rows;
  private int rowCount;
  private JoinHashTable table;
  private byte[] matched;
  private MemoryReservation reservation;
  private final List<Map.Entry<Integer, RuntimeFilter>> runtimeFilters = new ArrayList<>();

  /** Key columns of the build side, or null for a nested loop join. */
  public record JoinKeysSpec(List<Integer> columns, List<Boolean> nullSafe) {
  }

  public JoinBuildSink(List<DataType> types, JoinKeysSpec keys) {
    this.types = List.copyOf(types);
    this.collected = new MaterializedRows(types);
    this.keys = keys;
  }

  @Override
  public BatchSink createLocal(TaskContext task) {
    return collected.appender(task.query().allocator());
  }

  @Override
  public void finish(QueryContext context) {
    rows = Vectors.concatenate(collected.chunks(), types, context.allocator());
    collected.close();
    rowCount = rows.length == 0 ? 0 : rows[0].getValueCount();
    if (keys != null) {
      table = new JoinHashTable(Batch.of(rows, rowCount),
          new JoinKeys(keys.columns(), keys.nullSafe(), types));
      reservation = new MemoryReservation(context.allocator(), "hash join build");
      reservation.grow(table.memoryBytes());
    }
    publishRuntimeFilters();
  }

  /** Has a runtime filter published with the build side's keys of one column when built. */
  public void addRuntimeFilter(int column, RuntimeFilter filter) {
    runtimeFilters.add(Map.entry(column, filter));
  }

  private void publishRuntimeFilters() {
    if (runtimeFilters.isEmpty()) {
      return;
    }
    long[] values = new long[rowCount];
    boolean[] nulls = new boolean[rowCount];
    for (Map.Entry<Integer, RuntimeFilter> entry : runtimeFilters) {
      ColumnReader.readLongs(Batch.of(rows, rowCount), entry.getKey(), values, nulls);
      int count = 0;
      for (int r = 0; r < rowCount; r++) {
        if (!nulls[r]) {
          values[count++] = values[r];
        }
      }
      entry.getValue().publish(values, count);
    }
  }

  FieldVector[] rows() {
    return rows;
  }

  int rowCount() {
    return rowCount;
  }

  JoinHashTable table() {
    return table;
  }

  /** Per build row, whether some probe row matched it (for FULL joins); created on demand. */
  synchronized byte[] matchedFlags() {
    if (matched == null) {
      matched = new byte[rowCount];
    }
    return matched;
  }

  List<DataType> types() {
    return types;
  }

  @Override
  public long memoryBytes() {
    return reservation == null ? 0 : reservation.usedBytes();
  }

  @Override
  public void close() {
    collected.close();
    Vectors.close(rows);
    if (reservation != null) {
      reservation.close();
    }
  }
}
