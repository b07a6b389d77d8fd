package io.exapg.core.plan;

import io.exapg.core.type.DataType;
import java.util.List;

/**
 * Orders the input; with offset and limit it returns only that slice.
 *
 * @param limit rows to return, or -1 for all
 */
public record SortNode(PlanNode input, List<SortKey> keys, long offset, long limit)
    implements PlanNode {
  public SortNode {
    keys = List.copyOf(keys);
  }

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
    return "Sort " + keys + (offset > 0 ? " offset=" + offset : "")
        + (limit >= 0 ? " limit=" + limit : "");
  }
}
