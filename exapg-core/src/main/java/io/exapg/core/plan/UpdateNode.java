package io.exapg.core.plan;

import io.exapg.core.type.DataType;
import java.util.List;

/**
 * Replaces rows: its input's column 0 is the row id of an old row, the other columns are the
 * new row, the table's columns in order, already converted to their types.
 */
public record UpdateNode(PlanNode input, long tableId, String tableName) implements PlanNode {
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
    return "Update " + tableName;
  }
}
