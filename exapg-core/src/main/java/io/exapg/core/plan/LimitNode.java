package io.exapg.core.plan;

import io.exapg.core.type.DataType;
import java.util.List;

/**
 * Skips offset rows and returns at most limit rows of its input, in input order.
 *
 * @param limit rows to return, or -1 for all
 */
public record LimitNode(PlanNode input, long offset, long limit) implements PlanNode {
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
    return "Limit" + (offset > 0 ? " offset=" + offset : "") + (limit >= 0 ? " " + limit : "");
  }
}
