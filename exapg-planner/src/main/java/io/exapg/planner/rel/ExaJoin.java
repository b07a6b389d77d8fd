package io.exapg.planner.rel;

import java.util.Set;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rex.RexNode;

/** A join; a hash join when the condition has equalities, else a nested loop join. */
public final class ExaJoin extends Join implements ExaRel {
  public ExaJoin(RelOptCluster cluster, RelTraitSet traits, RelNode left, RelNode right,
      RexNode condition, JoinRelType joinType) {
    super(cluster, traits, java.util.List.of(), left, right, condition, Set.of(), joinType);
  }

  @Override
  public Join copy(RelTraitSet traitSet, RexNode condition, RelNode left, RelNode right,
      JoinRelType joinType, boolean semiJoinDone) {
    return new ExaJoin(getCluster(), traitSet, left, right, condition, joinType);
  }

  @Override
  public Set<CorrelationId> getVariablesSet() {
    return Set.of();
  }
}
