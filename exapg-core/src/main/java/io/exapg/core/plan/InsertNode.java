package io.exapg.core.plan;

import io.exapg.core.type.DataType;
import java.util.List;

/**
 * Writes its input's rows into a table; the input's columns are the table's columns in order,
 * already converted to their types. Outputs the number of rows written.
 */
public record InsertNode(PlanNode input, long tableId, String tableName) implements PlanNode {
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
    return "Insert into " + tableName;
  }
}
