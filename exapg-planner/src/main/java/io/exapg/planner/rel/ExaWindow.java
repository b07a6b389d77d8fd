package io.exapg.planner.rel;

import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexLiteral;

/** Window functions: the input's columns, then one column per function of every group. */
public final class ExaWindow extends Window implements ExaRel {
  public ExaWindow(RelOptCluster cluster, RelTraitSet traits, RelNode input,
      List<RexLiteral> constants, RelDataType rowType, List<Group> groups) {
    super(cluster, traits, List.of(), input, constants, rowType, groups);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new ExaWindow(getCluster(), traitSet, inputs.get(0), constants, getRowType(), groups);
  }

  @Override
  public Window copy(List<RexLiteral> constants) {
    return new ExaWindow(getCluster(), getTraitSet(), getInput(), constants, getRowType(),
        groups);
  }
}
