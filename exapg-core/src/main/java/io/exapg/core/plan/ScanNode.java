package io.exapg.core.plan;

import io.exapg.core.type.DataType;
import java.util.List;

/**
 * Reads columns of a stored table.
 *
 * @param columns ordinals of the table's columns to read, in output order; {@link #ROW_ID}
 *     for the row id (BIGINT), which names a row for DELETE and UPDATE
 * @param predicates zone-map predicates over the output columns
 */
public record ScanNode(long tableId, String tableName, List<Integer> columns,
    List<DataType> outputTypes, List<ScanPredicate> predicates) implements PlanNode {
  public static final int ROW_ID = -1;

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
    List<String> names = columns.stream()
        .map(c -> c == ROW_ID ? "rowid" : Integer.toString(c)).toList();
    return "Scan " + tableName + " columns=" + names
        + (predicates.isEmpty() ? "" : " prune=" + predicates);
  }
}
