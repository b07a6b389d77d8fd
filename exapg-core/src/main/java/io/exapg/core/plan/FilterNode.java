package io.exapg.core.plan;

import io.exapg.core.expr.Expr;
import io.exapg.core.type.DataType;
import java.util.List;

/** Keeps the rows for which the condition is true. */
public record FilterNode(PlanNode input, Expr condition) implements PlanNode {
  @Override
  public List<DataType> outputTypes() {
    return input.outputTypes();
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of(input);
  }

  @Override
  public String describe() {
    return "Filter " + condition;
  }
}
