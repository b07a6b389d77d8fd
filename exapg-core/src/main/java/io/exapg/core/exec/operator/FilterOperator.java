package io.exapg.core.exec.operator;

import io.exapg.core.batch.Batch;
import io.exapg.core.exec.BatchSink;
import io.exapg.core.exec.OperatorFactory;
import io.exapg.core.exec.TaskContext;
import io.exapg.core.expr.CompiledFilter;
import io.exapg.core.expr.Expr;
import io.exapg.core.expr.ExpressionCompiler;
import io.exapg.core.type.DataType;
import java.util.List;

/** Narrows each batch's selection vector to the rows where the condition is true. */
public final class FilterOperator implements BatchSink {
  private final CompiledFilter filter;
  private final Object[] parameters;
  private final BatchSink downstream;
  private int[] selection = new int[0];

  private FilterOperator(CompiledFilter filter, Object[] parameters, BatchSink downstream) {
    this.filter = filter;
    this.parameters = parameters;
    this.downstream = downstream;
  }

  public static OperatorFactory factory(Expr condition, List<DataType> inputTypes) {
    ExpressionCompiler.Factory<CompiledFilter> compiled =
        ExpressionCompiler.compileFilter(condition, inputTypes);
    return (TaskContext task, BatchSink downstream) ->
        new FilterOperator(compiled.newInstance(), task.query().parameters(), downstream);
  }

  @Override
  public void push(Batch batch) {
    if (selection.length < batch.size()) {
      selection = new int[Math.max(batch.size(), 1024)];
    }
    int count = filter.filter(batch, selection, parameters);
    if (count == batch.size()) {
      downstream.push(batch);
    } else if (count > 0) {
      downstream.push(batch.withSelection(selection, count));
    }
  }

  @Override
  public void finish() {
    downstream.finish();
  }
}
