package io.exapg.core.plan;

import io.exapg.core.type.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * One output row per element of an array column, after the input row's columns: the element,
 * then its 1-based position when ordinality is asked for. With outer, an input row whose array
 * is NULL or empty still gives one row, with NULL element (LEFT JOIN LATERAL unnest(...)).
 */
public record UnnestNode(PlanNode input, int arrayColumn, boolean ordinality, boolean outer)
    implements PlanNode {
  @Override
  public List<DataType> outputTypes() {
    List<DataType> types = new ArrayList<>(input.outputTypes());
    types.add(input.outputTypes().get(arrayColumn).element());
    if (ordinality) {
      types.add(DataType.INTEGER);
    }
    return types;
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of(input);
  }

  @Override
  public String describe() {
    return "Unnest $" + arrayColumn + (ordinality ? " with ordinality" : "")
        + (outer ? " outer" : "");
  }
}
