package io.exapg.planner.rel;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;

/**
 * Pulls the conditions every branch of an OR shares out in front of it, in filters and join
 * conditions: {@code (a = b AND x) OR (a = b AND y)} becomes {@code a = b AND (x OR y)}, so
 * that the equality can become a hash join's key instead of a filter over a cross join
 * (TPC-H Q19 is written this way).
 */
public final class OrFactoring extends RelShuttleImpl {
  private final RexBuilder rexBuilder;

  private OrFactoring(RexBuilder rexBuilder) {
    this.rexBuilder = rexBuilder;
  }

  public static RelNode apply(RelNode root, RexBuilder rexBuilder) {
    return root.accept(new OrFactoring(rexBuilder));
  }

  @Override
  public RelNode visit(LogicalFilter filter) {
    LogicalFilter visited = (LogicalFilter) super.visit(filter);
    RexNode factored = RexUtil.pullFactors(rexBuilder, visited.getCondition());
    return factored.equals(visited.getCondition()) ? visited
        : visited.copy(visited.getTraitSet(), visited.getInput(), factored);
  }

  @Override
  public RelNode visit(LogicalJoin join) {
    LogicalJoin visited = (LogicalJoin) super.visit(join);
    RexNode factored = RexUtil.pullFactors(rexBuilder, visited.getCondition());
    return factored.equals(visited.getCondition()) ? visited
        : visited.copy(visited.getTraitSet(), factored, visited.getLeft(), visited.getRight(),
            visited.getJoinType(), visited.isSemiJoinDone());
  }
}
