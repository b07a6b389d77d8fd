package io.exapg.core.plan;

import io.exapg.core.type.DataType;
import java.util.List;

/** Deletes the rows whose row ids are in its input's column rowIdColumn. */
public record DeleteNode(PlanNode input, long tableId, String tableName, int rowIdColumn)
    implements PlanNode {
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
    return "Delete from " + tableName;
  }
}
