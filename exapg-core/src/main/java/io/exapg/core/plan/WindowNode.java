package io.exapg.core.plan;

import io.exapg.core.type.DataType;
import java.util.ArrayList;
import java.util.List;

/** Computes window functions: output is the input's columns, then each group's calls. */
public record WindowNode(PlanNode input, List<WindowGroup> groups) implements PlanNode {
  public WindowNode {
    groups = List.copyOf(groups);
  }

  @Override
  public List<DataType> outputTypes() {
    List<DataType> types = new ArrayList<>(input.outputTypes());
    for (WindowGroup group : groups) {
      for (WindowCall call : group.calls()) {
        types.add(call.resultType());
      }
    }
    return types;
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of(input);
  }

  @Override
  public String describe() {
    return "Window " + groups;
  }
}
