package io.exapg.core.plan;

import io.exapg.core.expr.Expr;
import io.exapg.core.type.DataType;
import java.util.List;

/** generate_series(start, stop, step) over an integer type; arguments are constants. */
public record GenerateSeriesNode(Expr start, Expr stop, Expr step, DataType type)
    implements PlanNode {
  @Override
  public List<DataType> outputTypes() {
    return List.of(type);
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of();
  }

  @Override
  public String describe() {
    return "GenerateSeries " + start + " to " + stop + " step " + step;
  }
}
