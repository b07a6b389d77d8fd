package io.exapg.core.plan;

import io.exapg.core.type.DataType;
import java.util.List;

/** All rows of all inputs, which have the same column types. */
public record UnionAllNode(List<PlanNode> inputs, List<DataType> outputTypes)
    implements PlanNode {
  public UnionAllNode {
    inputs = List.copyOf(inputs);
    outputTypes = List.copyOf(outputTypes);
  }

  @Override
  public String describe() {
    return "UnionAll";
  }
}
