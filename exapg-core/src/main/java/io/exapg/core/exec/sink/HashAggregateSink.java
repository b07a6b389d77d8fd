package io.exapg.core.exec.sink;

import io.exapg.core.batch.Batch;
import io.exapg.core.batch.Vectors;
import io.exapg.core.exec.BatchSink;
import io.exapg.core.exec.MaterializedRows;
import io.exapg.core.exec.PipelineSink;
import io.exapg.core.exec.QueryContext;
import io.exapg.core.exec.TaskContext;
import io.exapg.core.exec.aggregate.Aggregation;
import io.exapg.core.memory.MemoryReservation;
import io.exapg.core.plan.AggregateNode;
import io.exapg.core.type.DataType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * Two-phase hash aggregation: every worker thread aggregates its morsels into its own table
 * (no locking), and the thread-local tables are merged once at the end.
 */
public final class HashAggregateSink implements PipelineSink {
  private static final int OUTPUT_CHUNK_ROWS = 65536;

  private final AggregateNode node;
  private final List<Aggregation> finished = Collections.synchronizedList(new ArrayList<>());
  private final List<MemoryReservation> reservations =
      Collections.synchronizedList(new ArrayList<>());
  private final MaterializedRows result;

  public HashAggregateSink(AggregateNode node) {
    this.node = node;
    this.result = new MaterializedRows(node.outputTypes());
  }

  public MaterializedRows result() {
    return result;
  }

  private Aggregation newAggregation(QueryContext context) {
    MemoryReservation reservation = new MemoryReservation(context.allocator(), "hash aggregate");
    reservations.add(reservation);
    return new Aggregation(node.groupKeys(), node.aggregates(), node.input().outputTypes(),
        reservation);
  }

  @Override
  public BatchSink createLocal(TaskContext task) {
    Aggregation aggregation = newAggregation(task.query());
    return new BatchSink() {
      @Override
      public void push(Batch batch) {
        aggregation.add(batch);
      }

      @Override
      public void finish() {
        finished.add(aggregation);
      }
    };
  }

  @Override
  public void finish(QueryContext context) {
    Aggregation merged;
    if (finished.size() == 1) {
      merged = finished.get(0);
    } else {
      merged = newAggregation(context);
      for (Aggregation local : finished) {
        context.checkCancelled();
        merged.merge(local);
      }
    }
    List<DataType> types = node.outputTypes();
    int keyCount = node.groupKeys().size();
    int groups = merged.groupCount();
    for (int from = 0; from < groups; from += OUTPUT_CHUNK_ROWS) {
      int count = Math.min(OUTPUT_CHUNK_ROWS, groups - from);
      FieldVector[] vectors = Vectors.allocate(types, context.allocator(), count);
      try {
        merged.write(vectors, keyCount, from, count);
        Vectors.setValueCount(vectors, count);
      } catch (RuntimeException e) {
        Vectors.close(vectors);
        throw e;
      }
      result.add(vectors);
    }
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
    result.close();
    synchronized (reservations) {
      for (MemoryReservation reservation : reservations) {
        reservation.close();
      }
    }
  }
}
