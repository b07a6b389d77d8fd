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
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * Collects all rows, sorts their positions by the keys and emits the requested slice. With a
 * LIMIT (top-N), each thread keeps only its best offset + limit rows: whenever it holds
 * several times that many, it sorts them and drops the rest, so memory stays bounded by the
 * slice, not the input.
 */
public final class SortSink implements PipelineSink {
  private static final int OUTPUT_CHUNK_ROWS = 65536;
  /** Slices up to this many rows are kept per thread; larger ones sort all rows. */
  private static final long MAX_TOP_N = 1 << 20;

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
    long keep = node.limit() < 0 ? -1 : node.offset() + node.limit();
    if (keep < 0 || keep > MAX_TOP_N) {
      return collected.appender(task.query().allocator());
    }
    return new TopRows(task.query(), (int) keep);
  }

  /** One thread's best rows of a top-N, compacted whenever they reach a multiple of N. */
  private final class TopRows implements BatchSink {
    private final QueryContext query;
    private final int keep;
    private final int threshold;
    private final List<FieldVector[]> chunks = new ArrayList<>();
    private int rows;

    TopRows(QueryContext query, int keep) {
      this.query = query;
      this.keep = keep;
      this.threshold = Math.max(4 * keep, 16384);
    }

    @Override
    public void push(Batch batch) {
      if (batch.size() == 0) {
        return;
      }
      chunks.add(Vectors.materialize(batch, types, query.allocator()));
      rows += batch.size();
      if (rows > threshold) {
        compact();
      }
    }

    /** Replaces the chunks by their best rows, in order. */
    private void compact() {
      FieldVector[] all = Vectors.concatenate(chunks, types, query.allocator());
      closeChunks();
      try {
        int[] order = new RowComparator(all, node.keys(), rows).sortedOrder(rows);
        int count = Math.min(keep, rows);
        FieldVector[] best = Vectors.allocate(types, query.allocator(), count);
        try {
          for (int c = 0; c < all.length; c++) {
            Vectors.gather(all[c], order, count, best[c], 0);
          }
          Vectors.setValueCount(best, count);
        } catch (RuntimeException e) {
          Vectors.close(best);
          throw e;
        }
        chunks.add(best);
        rows = count;
      } finally {
        Vectors.close(all);
      }
    }

    @Override
    public void finish() {
      for (FieldVector[] chunk : chunks) {
        collected.add(chunk);
      }
      chunks.clear();
    }

    @Override
    public void close() {
      closeChunks();
    }

    private void closeChunks() {
      for (FieldVector[] chunk : chunks) {
        Vectors.close(chunk);
      }
      chunks.clear();
    }
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
      result.addRows(rows, order, from, to, OUTPUT_CHUNK_ROWS, context.allocator());
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
