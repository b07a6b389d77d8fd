package io.exapg.core.plan;

import io.exapg.core.type.DataType;
import java.util.ArrayList;
import java.util.List;

/** Groups by the key columns and computes aggregates: output is keys, then aggregates. */
public record AggregateNode(PlanNode input, List<Integer> groupKeys,
    List<AggregateCall> aggregates) implements PlanNode {
  public AggregateNode {
    groupKeys = List.copyOf(groupKeys);
    aggregates = List.copyOf(aggregates);
  }

  @Override
  public List<DataType> outputTypes() {
    List<DataType> types = new ArrayList<>();
    for (int key : groupKeys) {
      types.add(input.outputTypes().get(key));
    }
    for (AggregateCall call : aggregates) {
      types.add(call.resultType());
    }
    return types;
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of(input);
  }

  @Override
  public String describe() {
    return "HashAggregate keys=" + groupKeys + " aggregates=" + aggregates;
  }
}
