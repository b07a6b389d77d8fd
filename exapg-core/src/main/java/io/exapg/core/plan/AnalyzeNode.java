package io.exapg.core.plan;

import io.exapg.core.type.DataType;
import java.util.List;

/** Gathers statistics of its input, a scan of all of a table's columns (ANALYZE). */
public record AnalyzeNode(PlanNode input, String tableName) implements PlanNode {
  @Override
  public List<DataType> outputTypes() {
    return List.of(DataType.BIGINT);
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of(input);
  }

  @Override
  public String describe() {
    return "Analyze " + tableName;
  }
}
