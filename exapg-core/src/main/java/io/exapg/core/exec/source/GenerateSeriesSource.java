package io.exapg.core.exec.source;

import io.exapg.core.batch.Batch;
import io.exapg.core.batch.Vectors;
import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.core.exec.BatchSink;
import io.exapg.core.exec.QueryContext;
import io.exapg.core.exec.Source;
import io.exapg.core.exec.TaskContext;
import io.exapg.core.plan.GenerateSeriesNode;
import io.exapg.core.type.TypeId;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/** generate_series(start, stop, step): morsels of 64K consecutive values. */
public final class GenerateSeriesSource implements Source {
  private static final int MORSEL_ROWS = 16384;

  private final GenerateSeriesNode node;
  private long start;
  private long step;
  private long count;

  public GenerateSeriesSource(GenerateSeriesNode node) {
    this.node = node;
  }

  @Override
  public void open(QueryContext context) {
    Object first = Constants.value(node.start(), context.parameters());
    Object last = Constants.value(node.stop(), context.parameters());
    Object increment = node.step() == null ? Long.valueOf(1)
        : Constants.value(node.step(), context.parameters());
    if (first == null || last == null || increment == null) {
      count = 0;
      return;
    }
    start = ((Number) first).longValue();
    long stop = ((Number) last).longValue();
    step = ((Number) increment).longValue();
    if (step == 0) {
      throw new ExaException(SqlState.INVALID_PARAMETER_VALUE, "step size cannot equal zero");
    }
    if (step > 0 ? stop < start : stop > start) {
      count = 0;
    } else {
      count = Math.subtractExact(stop, start) / step + 1;
    }
  }

  @Override
  public int morselCount() {
    return (int) Math.min(Integer.MAX_VALUE, (count + MORSEL_ROWS - 1) / MORSEL_ROWS);
  }

  @Override
  public void produce(int morsel, TaskContext task, BatchSink sink) {
    long first = (long) morsel * MORSEL_ROWS;
    int n = (int) Math.min(MORSEL_ROWS, count - first);
    FieldVector[] vectors = Vectors.allocate(List.of(node.type()), task.query().allocator(), n);
    try {
      FieldVector vector = vectors[0];
      ArrowBuf data = vector.getDataBuffer();
      ArrowBuf valid = vector.getValidityBuffer();
      long value = start + first * step;
      boolean asInt = node.type().id() == TypeId.INTEGER;
      for (int i = 0; i < n; i++) {
        if (asInt) {
          data.setInt((long) i << 2, (int) value);
        } else {
          data.setLong((long) i << 3, value);
        }
        BitVectorHelper.setBit(valid, i);
        value += step;
      }
      vector.setValueCount(n);
      sink.push(Batch.of(vectors, n));
    } finally {
      Vectors.close(vectors);
    }
  }

  @Override
  public String describe() {
    return "generate_series";
  }
}
