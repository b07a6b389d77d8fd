package io.exapg.core.plan;

import io.exapg.core.expr.Expr;
import io.exapg.core.type.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * Equi-join: builds a hash table on the build input's keys and streams the probe input
 * through it. Output is the probe columns then the build columns (probe only for SEMI and
 * ANTI).
 *
 * @param nullSafeKeys per key, whether NULL matches NULL (IS NOT DISTINCT FROM)
 * @param residual extra condition over the output columns, or null
 */
public record HashJoinNode(PlanNode probe, PlanNode build, JoinType joinType,
    List<Integer> probeKeys, List<Integer> buildKeys, List<Boolean> nullSafeKeys,
    Expr residual) implements PlanNode {
  public HashJoinNode {
    probeKeys = List.copyOf(probeKeys);
    buildKeys = List.copyOf(buildKeys);
    nullSafeKeys = List.copyOf(nullSafeKeys);
  }

  @Override
  public List<DataType> outputTypes() {
    return joinOutput(probe, build, joinType);
  }

  static List<DataType> joinOutput(PlanNode left, PlanNode right, JoinType joinType) {
    if (joinType == JoinType.RIGHT_SEMI || joinType == JoinType.RIGHT_ANTI) {
      return right.outputTypes();
    }
    List<DataType> types = new ArrayList<>(left.outputTypes());
    if (joinType != JoinType.SEMI && joinType != JoinType.ANTI) {
      types.addAll(right.outputTypes());
    }
    return types;
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of(probe, build);
  }

  @Override
  public String describe() {
    return "HashJoin " + joinType + " probe" + probeKeys + " = build" + buildKeys
        + (residual == null ? "" : " residual " + residual);
  }
}
