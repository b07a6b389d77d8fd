package io.exapg.core.plan;

import io.exapg.core.expr.Expr;
import io.exapg.core.type.DataType;
import java.util.List;

/** Constant rows; each value is a literal or a parameter. */
public record ValuesNode(List<List<Expr>> rows, List<DataType> outputTypes) implements PlanNode {
  public ValuesNode {
    rows = rows.stream().map(List::copyOf).toList();
    outputTypes = List.copyOf(outputTypes);
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of();
  }

  @Override
  public String describe() {
    return "Values rows=" + rows.size();
  }
}
