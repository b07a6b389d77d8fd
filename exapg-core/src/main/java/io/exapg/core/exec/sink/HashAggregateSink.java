package io.exapg.core.exec.sink;

import io.exapg.core.batch.Batch;
import io.exapg.core.batch.Vectors;
import io.exapg.core.exec.BatchSink;
import io.exapg.core.exec.MaterializedRows;
import io.exapg.core.exec.PipelineSink;
import io.exapg.core.exec.QueryContext;
import io.exapg.core.exec.TaskContext;
import io.exapg.core.exec.aggregate.Aggregation;
import io.exapg.core.exec.aggregate.SpilledGroups;
import io.exapg.core.memory.MemoryReservation;
import io.exapg.core.plan.AggregateNode;
import io.exapg.core.type.DataType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.arrow.vector.FieldVector;

/**
 * Two-phase hash aggregation: every worker thread aggregates its morsels into its own table
 * (no locking), and the thread-local tables are merged once at the end. When the query's
 * memory runs short, a thread writes its table's groups with their partial states to disk,
 * split by key hash (see {@link SpilledGroups}), and starts a new table; at the end each
 * partition is merged on its own.
 */
public final class HashAggregateSink implements PipelineSink {
  private static final int OUTPUT_CHUNK_ROWS = 65536;
  /** Tables with fewer groups are not worth writing out. */
  private static final int MIN_SPILL_GROUPS = 1024;

  private final AggregateNode node;
  private final List<Aggregation> finished = Collections.synchronizedList(new ArrayList<>());
  private final List<MemoryReservation> reservations =
      Collections.synchronizedList(new ArrayList<>());
  private SpilledGroups spilled;
  private MaterializedRows result;

  public HashAggregateSink(AggregateNode node) {
    this.node = node;
  }

  public MaterializedRows result() {
    return result;
  }

  /** A table over the node's input, with the reservation it charges. */
  private record Table(Aggregation aggregation, MemoryReservation reservation) {
  }

  private Table newTable(QueryContext context) {
    return newTable(context, node.groupKeys(), node.input().outputTypes());
  }

  private Table newTable(QueryContext context, List<Integer> keys, List<DataType> inputTypes) {
    MemoryReservation reservation = new MemoryReservation(context.allocator(), "hash aggregate");
    reservations.add(reservation);
    return new Table(new Aggregation(keys, node.aggregates(), inputTypes, reservation),
        reservation);
  }

  private void release(Table table) {
    reservations.remove(table.reservation());
    table.reservation().close();
  }

  private synchronized SpilledGroups spilled(Aggregation aggregation) {
    if (spilled == null) {
      spilled = new SpilledGroups(aggregation.stateTypes(), node.groupKeys().size());
    }
    return spilled;
  }

  private synchronized boolean hasSpilled() {
    return spilled != null;
  }

  @Override
  public BatchSink createLocal(TaskContext task) {
    QueryContext query = task.query();
    boolean spillable = !node.groupKeys().isEmpty();
    return new BatchSink() {
      private Table table = newTable(query);

      @Override
      public void push(Batch batch) {
        Aggregation aggregation = table.aggregation();
        aggregation.add(batch);
        // A table's next doubling needs as much again: spill before that passes the share.
        if (spillable && aggregation.groupCount() >= MIN_SPILL_GROUPS
            && (2 * table.reservation().usedBytes() > query.threadShare()
                || query.shouldSpill())) {
          spilled(aggregation).spill(aggregation, query);
          release(table);
          table = newTable(query);
        }
      }

      @Override
      public void finish() {
        finished.add(table.aggregation());
      }
    };
  }

  @Override
  public void finish(QueryContext context) {
    result = new MaterializedRows(node.outputTypes(), context);
    if (hasSpilled()) {
      finishSpilled(context);
      return;
    }
    Aggregation merged;
    if (finished.size() == 1) {
      merged = finished.get(0);
    } else {
      merged = newTable(context).aggregation();
      for (Aggregation local : finished) {
        context.checkCancelled();
        merged.merge(local);
      }
    }
    write(merged, context);
  }

  /** Spills what is still in memory too, then merges and writes one partition at a time. */
  private void finishSpilled(QueryContext context) {
    for (Aggregation local : finished) {
      spilled.spill(local, context);
    }
    finished.clear();
    spilled.flush(context);
    synchronized (reservations) {
      for (MemoryReservation reservation : reservations) {
        reservation.close();
      }
      reservations.clear();
    }
    List<DataType> stateTypes = spilled.stateTypes();
    List<Integer> keys = IntStream.range(0, node.groupKeys().size()).boxed().toList();
    for (int p = 0; p < spilled.partitionCount(); p++) {
      Table partition = newTable(context, keys, stateTypes);
      try {
        spilled.mergePartition(p, partition.aggregation(), context);
        write(partition.aggregation(), context);
      } finally {
        release(partition);
      }
    }
  }

  private void write(Aggregation aggregation, QueryContext context) {
    List<DataType> types = node.outputTypes();
    int keyCount = node.groupKeys().size();
    int groups = aggregation.groupCount();
    for (int from = 0; from < groups; from += OUTPUT_CHUNK_ROWS) {
      int count = Math.min(OUTPUT_CHUNK_ROWS, groups - from);
      FieldVector[] vectors = Vectors.allocate(types, context.allocator(), count);
      try {
        aggregation.write(vectors, keyCount, from, count);
        Vectors.setValueCount(vectors, count);
      } catch (RuntimeException e) {
        Vectors.close(vectors);
        throw e;
      }
      result.add(vectors);
    }
  }

  @Override
  public void releaseOutput() {
    result.close();
  }

  @Override
  public long memoryBytes() {
    long bytes = 0;
    synchronized (reservations) {
      for (MemoryReservation reservation : reservations) {
        bytes += reservation.usedBytes();
      }
    }
    return bytes;
  }

  @Override
  public void close() {
    if (result != null) {
      result.close();
    }
    synchronized (this) {
      if (spilled != null) {
        spilled.close();
      }
    }
    synchronized (reservations) {
      for (MemoryReservation reservation : reservations) {
        reservation.close();
      }
    }
  }
}
