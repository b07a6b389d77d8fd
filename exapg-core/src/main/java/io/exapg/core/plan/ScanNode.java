package io.exapg.core.plan;

import io.exapg.core.type.DataType;
import java.util.List;

/**
 * Reads columns of a stored table.
 *
 * @param columns ordinals of the table's columns to read, in output order
 * @param predicates zone-map predicates over the output columns
 */
public record ScanNode(long tableId, String tableName, List<Integer> columns,
    List<DataType> outputTypes, List<ScanPredicate> predicates) implements PlanNode {
  public ScanNode {
    columns = List.copyOf(columns);
    outputTypes = List.copyOf(outputTypes);
    predicates = List.copyOf(predicates);
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of();
  }

  @Override
  public String describe() {
    return "Scan " + tableName + " columns=" + columns
        + (predicates.isEmpty() ? "" : " prune=" + predicates);
  }
}
