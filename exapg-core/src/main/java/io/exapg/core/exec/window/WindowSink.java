package io.exapg.core.exec.window;

import io.exapg.core.batch.Vectors;
import io.exapg.core.exec.BatchSink;
import io.exapg.core.exec.MaterializedRows;
import io.exapg.core.exec.PipelineSink;
import io.exapg.core.exec.QueryContext;
import io.exapg.core.exec.TaskContext;
import io.exapg.core.memory.MemoryReservation;
import io.exapg.core.plan.WindowCall;
import io.exapg.core.plan.WindowGroup;
import io.exapg.core.plan.WindowNode;
import io.exapg.core.type.DataType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * Collects all rows, then computes one window group after the other: sorts the rows by the
 * group's partition and order keys, computes its functions in that order and appends them as
 * columns. The rows come out in the last group's order. Every step runs on all workers: the
 * sort, finding partitions and peers, the frames and each function over ranges of the sorted
 * positions ({@link WindowRanges}), and the reordering of the input columns one per worker.
 */
public final class WindowSink implements PipelineSink {
  private static final int OUTPUT_CHUNK_ROWS = 65536;

  private final WindowNode node;
  private final List<DataType> inputTypes;
  private final MaterializedRows collected;
  private final MaterializedRows result;
  private MemoryReservation reservation;

  public WindowSink(WindowNode node) {
    this.node = node;
    this.inputTypes = node.input().outputTypes();
    this.collected = new MaterializedRows(inputTypes);
    this.result = new MaterializedRows(node.outputTypes());
  }

  public MaterializedRows result() {
    return result;
  }

  @Override
  public BatchSink createLocal(TaskContext task) {
    return collected.appender(task.query().allocator());
  }

  @Override
  public void finish(QueryContext context) {
    FieldVector[] rows = Vectors.concatenate(collected.chunks(), inputTypes,
        context.allocator());
    collected.close();
    List<DataType> types = new ArrayList<>(inputTypes);
    reservation = new MemoryReservation(context.allocator(), "window");
    try {
      int n = rows.length == 0 ? 0 : rows[0].getValueCount();
      for (WindowGroup group : node.groups()) {
        context.checkCancelled();
        for (WindowCall call : group.calls()) {
          types.add(call.resultType());
        }
        FieldVector[] next = evaluate(group, rows, types, n, context);
        Vectors.close(rows);
        rows = next;
      }
      result.addRows(rows, null, 0, n, OUTPUT_CHUNK_ROWS, context.allocator());
    } finally {
      Vectors.close(rows);
    }
  }

  /** The rows in the group's order with the group's functions appended as columns. */
  private FieldVector[] evaluate(WindowGroup group, FieldVector[] rows, List<DataType> types,
      int n, QueryContext context) {
    WindowRanges ranges = new WindowRanges(n, context.workers());
    WindowOrdering ordering = new WindowOrdering(rows, group, n, context.workers(), ranges);
    reservation.grow(ordering.memoryBytes());
    WindowFrames frames = null;
    for (WindowCall call : group.calls()) {
      if (call.function().usesFrame()) {
        frames = WindowFrames.of(rows, group, ordering, ranges);
        reservation.grow(n * 8L);
        break;
      }
    }
    FieldVector[] next = Vectors.allocate(types, context.allocator(), n);
    try {
      FieldVector[] input = rows;
      context.workers().runEach(rows.length,
          c -> Vectors.gather(input[c], ordering.order, n, next[c], 0));
      int column = rows.length;
      for (WindowCall call : group.calls()) {
        context.checkCancelled();
        FieldVector out = next[column++];
        WindowFrames callFrames = frames;
        switch (call.function()) {
          case ROW_NUMBER, RANK, DENSE_RANK, PERCENT_RANK, CUME_DIST, NTILE -> ranges.forEach(
              (from, to) -> RankingFunctions.compute(call, ordering, out, from, to));
          case LAG, LEAD, FIRST_VALUE, LAST_VALUE, NTH_VALUE ->
              ValueFunctions.compute(call, rows, ordering, callFrames, ranges, out);
          case COUNT_STAR, COUNT, SUM, SUM0, AVG, MIN, MAX ->
              FrameAggregates.compute(call, rows, ordering, callFrames, ranges, out);
        }
      }
      Vectors.setValueCount(next, n);
      return next;
    } catch (RuntimeException e) {
      Vectors.close(next);
      throw e;
    }
  }

  @Override
  public void releaseOutput() {
    result.close();
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
