package io.exapg.core.exec.operator;

import io.exapg.core.batch.Batch;
import io.exapg.core.batch.Vectors;
import io.exapg.core.exec.BatchSink;
import io.exapg.core.exec.OperatorFactory;
import io.exapg.core.exec.TaskContext;
import io.exapg.core.expr.ColumnRef;
import io.exapg.core.expr.CompiledProjection;
import io.exapg.core.expr.Expr;
import io.exapg.core.expr.ExpressionCompiler;
import io.exapg.core.type.DataType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * Computes output columns: column references pass the input vector through untouched; other
 * expressions run in one generated loop writing at the input's row positions, so the input's
 * selection vector carries over and nothing is copied.
 */
public final class ProjectOperator implements BatchSink {
  private final int[] passThrough;
  private final CompiledProjection projection;
  private final FieldVector[] computed;
  private final int[] computedSlots;
  private final Object[] parameters;
  private final BatchSink downstream;

  private ProjectOperator(int[] passThrough, CompiledProjection projection,
      FieldVector[] computed, int[] computedSlots, Object[] parameters, BatchSink downstream) {
    this.passThrough = passThrough;
    this.projection = projection;
    this.computed = computed;
    this.computedSlots = computedSlots;
    this.parameters = parameters;
    this.downstream = downstream;
  }

  public static OperatorFactory factory(List<Expr> expressions, List<DataType> inputTypes) {
    int[] passThrough = new int[expressions.size()];
    List<Expr> computedExpressions = new ArrayList<>();
    List<Integer> slots = new ArrayList<>();
    for (int k = 0; k < expressions.size(); k++) {
      Expr expr = expressions.get(k);
      if (expr instanceof ColumnRef ref && ref.type().equals(inputTypes.get(ref.index()))) {
        passThrough[k] = ref.index();
      } else {
        passThrough[k] = -1;
        computedExpressions.add(expr);
        slots.add(k);
      }
    }
    ExpressionCompiler.Factory<CompiledProjection> compiled = computedExpressions.isEmpty()
        ? null : ExpressionCompiler.compileProjection(computedExpressions, inputTypes);
    int[] computedSlots = slots.stream().mapToInt(Integer::intValue).toArray();
    List<DataType> computedTypes = computedExpressions.stream().map(Expr::type).toList();
    return (TaskContext task, BatchSink downstream) -> {
      BufferAllocator allocator = task.query().allocator();
      FieldVector[] vectors = new FieldVector[computedTypes.size()];
      for (int k = 0; k < vectors.length; k++) {
        vectors[k] = computedTypes.get(k).newVector("p" + k, allocator);
      }
      return new ProjectOperator(passThrough, compiled == null ? null : compiled.newInstance(),
          vectors, computedSlots, task.query().parameters(), downstream);
    };
  }

  @Override
  public void push(Batch batch) {
    FieldVector[] outputs = new FieldVector[passThrough.length];
    for (int k = 0; k < passThrough.length; k++) {
      if (passThrough[k] >= 0) {
        outputs[k] = batch.column(passThrough[k]);
      }
    }
    if (projection != null) {
      int rows = batch.rowCount();
      for (FieldVector vector : computed) {
        Vectors.allocateFor(vector, rows);
      }
      projection.evaluate(batch, computed, parameters);
      for (int k = 0; k < computed.length; k++) {
        computed[k].setValueCount(rows);
        outputs[computedSlots[k]] = computed[k];
      }
    }
    downstream.push(batch.withColumns(outputs));
  }

  @Override
  public void finish() {
    downstream.finish();
  }

  @Override
  public void close() {
    Vectors.close(computed);
  }
}
