package io.exapg.planner.rel;

import io.exapg.core.error.ExaException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalUnion;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Rewrites an aggregate over GROUPING SETS, ROLLUP or CUBE into a UNION ALL of plain
 * aggregates, one per grouping set, each padded with NULL for the keys it does not group by
 * and with GROUPING(...) as a constant. The plain aggregates then go through the same rules
 * as any other (DISTINCT aggregates, pushdown into scans).
 */
public final class GroupingSetsExpansion extends RelShuttleImpl {
  private final RexBuilder rexBuilder;

  private GroupingSetsExpansion(RexBuilder rexBuilder) {
    this.rexBuilder = rexBuilder;
  }

  public static RelNode apply(RelNode root, RexBuilder rexBuilder) {
    return root.accept(new GroupingSetsExpansion(rexBuilder));
  }

  @Override
  public RelNode visit(LogicalAggregate aggregate) {
    LogicalAggregate visited = (LogicalAggregate) super.visit(aggregate);
    if (visited.getGroupType() == Aggregate.Group.SIMPLE) {
      return visited;
    }
    List<RelNode> branches = new ArrayList<>();
    for (ImmutableBitSet groupingSet : visited.getGroupSets()) {
      branches.add(branch(visited, groupingSet));
    }
    return LogicalUnion.create(branches, true);
  }

  private RelNode branch(LogicalAggregate aggregate, ImmutableBitSet groupingSet) {
    List<AggregateCall> calls = new ArrayList<>();
    for (AggregateCall call : aggregate.getAggCallList()) {
      if (!isGroupingFunction(call)) {
        calls.add(call);
      }
    }
    LogicalAggregate plain = LogicalAggregate.create(aggregate.getInput(), List.of(),
        groupingSet, null, calls);
    List<RelDataTypeField> fields = aggregate.getRowType().getFieldList();
    List<RexNode> outputs = new ArrayList<>();
    int field = 0;
    for (int key : aggregate.getGroupSet()) {
      RelDataType type = fields.get(field++).getType();
      int index = groupingSet.indexOf(key);
      outputs.add(index < 0 ? rexBuilder.makeNullLiteral(type)
          : retype(RexInputRef.of(index, plain.getRowType()), type));
    }
    int next = groupingSet.cardinality();
    for (AggregateCall call : aggregate.getAggCallList()) {
      RelDataType type = fields.get(field++).getType();
      outputs.add(isGroupingFunction(call)
          ? rexBuilder.makeLiteral(grouping(call, groupingSet), type)
          : retype(RexInputRef.of(next++, plain.getRowType()), type));
    }
    return LogicalProject.create(plain, List.of(), outputs, aggregate.getRowType().getFieldNames(),
        Set.of());
  }

  private RexNode retype(RexNode node, RelDataType type) {
    return node.getType().equals(type) ? node : rexBuilder.makeCast(type, node, true, false);
  }

  private static boolean isGroupingFunction(AggregateCall call) {
    return switch (call.getAggregation().getKind()) {
      case GROUPING, GROUPING_ID -> true;
      case GROUP_ID -> throw ExaException.notSupported("GROUP_ID()");
      default -> false;
    };
  }

  /** GROUPING(a, b, ...): one bit per argument, the first the highest, set if not grouped. */
  private static long grouping(AggregateCall call, ImmutableBitSet groupingSet) {
    long bits = 0;
    for (int argument : call.getArgList()) {
      bits = bits << 1 | (groupingSet.get(argument) ? 0 : 1);
    }
    return bits;
  }
}
