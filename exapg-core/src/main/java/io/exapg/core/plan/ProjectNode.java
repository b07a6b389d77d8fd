package io.exapg.core.plan;

import io.exapg.core.expr.Expr;
import io.exapg.core.type.DataType;
import java.util.List;

/** Computes one output column per expression. */
public record ProjectNode(PlanNode input, List<Expr> expressions) implements PlanNode {
  public ProjectNode {
    expressions = List.copyOf(expressions);
  }

  @Override
  public List<DataType> outputTypes() {
    return expressions.stream().map(Expr::type).toList();
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of(input);
  }

  @Override
  public String describe() {
    return "Project " + expressions;
  }
}
