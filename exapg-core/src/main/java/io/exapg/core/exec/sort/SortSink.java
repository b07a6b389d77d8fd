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
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * Collects all rows, sorts their positions by the keys and emits the requested slice. With a
 * LIMIT (top-N), each thread keeps only its best offset + limit rows: whenever it holds
 * several times that many, it sorts them and drops the rest, so memory stays bounded by the
 * slice, not the input. Without one, a thread whose rows fill the query's memory sorts them
 * into a run on disk, and the runs are merged at the end (see {@link SortedRuns}).
 */
public final class SortSink implements PipelineSink {
  private static final int OUTPUT_CHUNK_ROWS = 65536;
  /** Slices up to this many rows are kept per thread; larger ones sort all rows. */
  private static final long MAX_TOP_N = 1 << 20;

  private final SortNode node;
  private final List<DataType> types;
  private final MaterializedRows collected;
  private final SortedRuns runs;
  private MaterializedRows result;
  private MemoryReservation reservation;

  public SortSink(SortNode node) {
    this.node = node;
    this.types = node.outputTypes();
    this.collected = new MaterializedRows(types);
    this.runs = new SortedRuns(types, node.keys());
  }

  public MaterializedRows result() {
    return result;
  }

  @Override
  public BatchSink createLocal(TaskContext task) {
    long keep = node.limit() < 0 ? -1 : node.offset() + node.limit();
    // Without much memory, a top-N of many rows sorts in runs on disk instead.
    if (keep < 0 || keep > MAX_TOP_N || keep * 4 * 32 > task.query().threadShare()) {
      return new LocalRows(task.query());
    }
    return new TopRows(task.query(), (int) keep);
  }

  /** Rows one thread materialized, handed to the sink's collected rows when it finishes. */
  private abstract class LocalChunks implements BatchSink {
    final QueryContext query;
    final List<FieldVector[]> chunks = new ArrayList<>();
    int rows;

    LocalChunks(QueryContext query) {
      this.query = query;
    }

    /** Keeps a copy of the batch's rows; returns the copy. */
    FieldVector[] hold(Batch batch) {
      FieldVector[] chunk = Vectors.materialize(batch, types, query.allocator());
      chunks.add(chunk);
      rows += batch.size();
      return chunk;
    }

    /** All kept rows in one set of vectors, which the caller closes; the chunks are closed. */
    FieldVector[] takeAll() {
      FieldVector[] all = Vectors.concatenate(chunks, types, query.allocator());
      closeChunks();
      return all;
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

  /** One thread's rows, written as a sorted run whenever the query's memory runs short. */
  private final class LocalRows extends LocalChunks {
    private long bytes;

    LocalRows(QueryContext query) {
      super(query);
    }

    @Override
    public void push(Batch batch) {
      if (batch.size() == 0) {
        return;
      }
      bytes += Vectors.bufferBytes(hold(batch));
      // Writing a run copies the rows once more first (one set of vectors to sort).
      if (rows >= SortedRuns.RUN_CHUNK_ROWS
          && (2 * bytes > query.threadShare() || query.shouldSpill())) {
        FieldVector[] all = takeAll();
        try {
          runs.addRun(all, rows, query);
        } finally {
          Vectors.close(all);
          rows = 0;
          bytes = 0;
        }
      }
    }
  }

  /** One thread's best rows of a top-N, compacted whenever they reach a multiple of N. */
  private final class TopRows extends LocalChunks {
    private final int keep;
    private final int threshold;

    TopRows(QueryContext query, int keep) {
      super(query);
      this.keep = keep;
      this.threshold = Math.max(4 * keep, 16384);
    }

    @Override
    public void push(Batch batch) {
      if (batch.size() == 0) {
        return;
      }
      hold(batch);
      if (rows > threshold) {
        compact();
      }
    }

    /** Replaces the chunks by their best rows, in order. */
    private void compact() {
      FieldVector[] all = takeAll();
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
  }

  @Override
  public void finish(QueryContext context) {
    result = new MaterializedRows(types, context);
    FieldVector[] rows = Vectors.concatenate(collected.chunks(), types, context.allocator());
    collected.close();
    try {
      int n = rows.length == 0 ? 0 : rows[0].getValueCount();
      if (!runs.isEmpty()) {
        runs.addRun(rows, n, context);
        Vectors.close(rows);
        rows = null;
        mergeRuns(context);
        return;
      }
      reservation = new MemoryReservation(context.allocator(), "sort");
      reservation.grow(n * 16L);
      int[] order = new RowComparator(rows, node.keys(), n).sortedOrder(n, context.workers());
      long from = Math.min(node.offset(), n);
      long to = node.limit() < 0 ? n : Math.min(n, from + node.limit());
      result.addRows(rows, order, from, to, OUTPUT_CHUNK_ROWS, context.allocator());
    } finally {
      Vectors.close(rows);
    }
  }

  /** Merges the spilled runs into the result, keeping only the requested slice. */
  private void mergeRuns(QueryContext context) {
    long[] seen = {0};
    long from = node.offset();
    long to = node.limit() < 0 ? Long.MAX_VALUE : from + node.limit();
    runs.merge(context, (rows, order, start, end) -> {
      long first = seen[0];
      seen[0] += end - start;
      long low = Math.max(first, from);
      long high = Math.min(seen[0], to);
      if (low < high) {
        result.addRows(rows, Arrays.copyOfRange(order, start + (int) (low - first),
            start + (int) (high - first)), 0, high - low, OUTPUT_CHUNK_ROWS,
            context.allocator());
      }
    });
    runs.close();
  }

  @Override
  public void releaseOutput() {
    result.close();
    if (reservation != null) {
      reservation.close();
    }
  }

  @Override
  public long memoryBytes() {
    return reservation == null ? 0 : reservation.usedBytes();
  }

  @Override
  public void close() {
    collected.close();
    runs.close();
    if (result != null) {
      result.close();
    }
    if (reservation != null) {
      reservation.close();
    }
  }
}
