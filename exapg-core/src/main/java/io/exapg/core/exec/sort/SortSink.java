package io.exapg.core.exec.sort;

import io.exapg.core.batch.Batch;
import io.exapg.core.batch.Vectors;
import io.exapg.core.exec.BatchSink;
import io.exapg.core.exec.MaterializedRows;
import io.exapg.core.exec.PipelineSink;
import io.exapg.core.exec.QueryContext;
import io.exapg.core.exec.TaskContext;
import io.exapg.core.memory.MemoryReservation;
import io.exapg.core.plan.SortNode;
import io.exapg.core.type.DataType;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/** Collects all rows, sorts their positions by the keys and emits the requested slice. */
public final class SortSink implements PipelineSink {
  private static final int OUTPUT_CHUNK_ROWS = 65536;

  private final SortNode node;
  private final List<DataType> types;
  private final MaterializedRows collected;
  private final MaterializedRows result;
  private MemoryReservation reservation;

  public SortSink(SortNode node) {
    this.node = node;
    this.types = node.outputTypes();
    this.collected = new MaterializedRows(types);
    this.result = new MaterializedRows(types);
  }

  public MaterializedRows result() {
    return result;
  }

  @Override
  public BatchSink createLocal(TaskContext task) {
    return new BatchSink() {
      @Override
      public void push(Batch batch) {
        if (batch.size() > 0) {
          collected.add(Vectors.materialize(batch, types, task.query().allocator()));
        }
      }

      @Override
      public void finish() {
      }
    };
  }

  @Override
  public void finish(QueryContext context) {
    FieldVector[] rows = Vectors.concatenate(collected.chunks(), types, context.allocator());
    collected.close();
    try {
      int n = rows.length == 0 ? 0 : rows[0].getValueCount();
      reservation = new MemoryReservation(context.allocator(), "sort");
      reservation.grow(n * 16L);
      int[] order = new RowComparator(rows, node.keys(), n).sortedOrder(n);
      long from = Math.min(node.offset(), n);
      long to = node.limit() < 0 ? n : Math.min(n, from + node.limit());
      for (long start = from; start < to; start += OUTPUT_CHUNK_ROWS) {
        context.checkCancelled();
        int count = (int) Math.min(OUTPUT_CHUNK_ROWS, to - start);
        int[] slice = java.util.Arrays.copyOfRange(order, (int) start, (int) start + count);
        FieldVector[] chunk = Vectors.allocate(types, context.allocator(), count);
        try {
          for (int c = 0; c < rows.length; c++) {
            Vectors.gather(rows[c], slice, count, chunk[c], 0);
          }
          Vectors.setValueCount(chunk, count);
        } catch (RuntimeException e) {
          Vectors.close(chunk);
          throw e;
        }
        result.add(chunk);
      }
    } finally {
      Vectors.close(rows);
    }
  }

  @Override
  public long memoryBytes() {
    return reservation == null ? 0 : reservation.usedBytes();
  }

  @Override
  public void close() {
    collected.close();
    result.close();
    if (reservation != null) {
      reservation.close();
    }
  }
}
