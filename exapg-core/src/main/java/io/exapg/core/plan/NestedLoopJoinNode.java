package io.exapg.core.plan;

import io.exapg.core.expr.Expr;
import io.exapg.core.type.DataType;
import java.util.List;

/**
 * Join on an arbitrary condition: the right input is materialized and every left row is
 * paired with every right row. Output is left columns then right columns (left only for SEMI
 * and ANTI).
 *
 * @param condition over the output columns, or null for a cross join
 */
public record NestedLoopJoinNode(PlanNode left, PlanNode right, JoinType joinType,
    Expr condition) implements PlanNode {
  @Override
  public List<DataType> outputTypes() {
    return HashJoinNode.joinOutput(left, right, joinType);
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of(left, right);
  }

  @Override
  public String describe() {
    return "NestedLoopJoin " + joinType + (condition == null ? "" : " on " + condition);
  }
}
