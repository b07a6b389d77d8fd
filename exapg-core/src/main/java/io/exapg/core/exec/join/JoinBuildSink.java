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
import io.exapg.core.exec.spill.HashPartitions;
import io.exapg.core.memory.MemoryReservation;
import io.exapg.core.type.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.vector.FieldVector;

/**
 * Collects the build side of a join (every worker thread appends its morsels), then joins the
 * pieces into one set of vectors and, for a hash join, builds the hash table over them.
 *
 * <p>A hash join switches to a grace hash join when the query's memory runs short while its
 * build side is collected: build rows go to disk by key hash, the probe operator sends its
 * rows to partitions of the same hash, and {@link SpilledJoinSource} joins each pair of
 * partitions after the probe side has run.
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
  private List<DataType> probeTypes;
  private boolean keepsUnmatchableRows;
  private volatile boolean spilled;
  private final AtomicLong collectedBytes = new AtomicLong();
  private HashPartitions buildPartitions;
  private HashPartitions probePartitions;

  /** Key columns of the build side, or null for a nested loop join. */
  public record JoinKeysSpec(List<Integer> columns, List<Boolean> nullSafe) {
  }

  public JoinBuildSink(List<DataType> types, JoinKeysSpec keys) {
    this.types = List.copyOf(types);
    this.collected = new MaterializedRows(types);
    this.keys = keys;
  }

  /**
   * Lets this build side spill; the probe rows then spill with the given types. Build rows
   * whose key is NULL are spilled too when the join emits unmatched build rows.
   */
  public void allowSpilling(List<DataType> probeColumnTypes, boolean emitsUnmatchedBuildRows) {
    this.probeTypes = List.copyOf(probeColumnTypes);
    this.keepsUnmatchableRows = emitsUnmatchedBuildRows;
  }

  @Override
  public BatchSink createLocal(TaskContext task) {
    if (probeTypes == null) {
      return collected.appender(task.query().allocator());
    }
    QueryContext query = task.query();
    JoinKeys joinKeys = new JoinKeys(keys.columns(), keys.nullSafe(), types);
    return new BatchSink() {
      @Override
      public void push(Batch batch) {
        if (batch.size() == 0) {
          return;
        }
        if (spilled) {
          spill(batch, joinKeys, query);
          return;
        }
        FieldVector[] chunk = Vectors.materialize(batch, types, query.allocator());
        collected.add(chunk);
        long bytes = collectedBytes.addAndGet(Vectors.bufferBytes(chunk));
        // The hash table will need about as much again as the rows.
        if (2 * bytes > query.operatorShare() || query.shouldSpill()) {
          startSpilling();
        }
      }

      @Override
      public void finish() {
      }
    };
  }

  private synchronized void startSpilling() {
    if (!spilled) {
      buildPartitions = new HashPartitions(types);
      probePartitions = new HashPartitions(probeTypes);
      spilled = true;
    }
  }

  /**
   * Writes the batch's rows to their partitions, leaving out those that can match nothing
   * unless the join emits them later.
   */
  private void spill(Batch batch, JoinKeys joinKeys, QueryContext context) {
    joinKeys.compute(batch);
    buildPartitions.write(batch, joinKeys.hashes,
        keepsUnmatchableRows ? null : joinKeys.unmatchable, context);
  }

  /** Whether the build rows went to disk, so that probe rows must follow them there. */
  boolean isSpilled() {
    return spilled;
  }

  HashPartitions buildPartitions() {
    return buildPartitions;
  }

  HashPartitions probePartitions() {
    return probePartitions;
  }

  @Override
  public void finish(QueryContext context) {
    if (spilled) {
      JoinKeys joinKeys = new JoinKeys(keys.columns(), keys.nullSafe(), types);
      for (int c = 0; c < collected.chunkCount(); c++) {
        spill(collected.chunk(c), joinKeys, context);
      }
      collected.close();
      buildPartitions.flush(context);
      return;
    }
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
  public void releaseOutput() {
    close();
    rows = null;
    table = null;
    matched = null;
  }

  @Override
  public long memoryBytes() {
    return reservation == null ? 0 : reservation.usedBytes();
  }

  @Override
  public void close() {
    collected.close();
    if (buildPartitions != null) {
      buildPartitions.close();
      probePartitions.close();
    }
    Vectors.close(rows);
    if (reservation != null) {
      reservation.close();
    }
  }
}
