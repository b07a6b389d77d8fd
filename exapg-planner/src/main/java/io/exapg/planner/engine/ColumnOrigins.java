package io.exapg.planner.engine;

import io.exapg.core.expr.Call;
import io.exapg.core.expr.ColumnRef;
import io.exapg.core.expr.Expr;
import io.exapg.core.expr.Function;
import io.exapg.core.plan.AggregateNode;
import io.exapg.core.plan.FilterNode;
import io.exapg.core.plan.HashJoinNode;
import io.exapg.core.plan.JoinType;
import io.exapg.core.plan.LimitNode;
import io.exapg.core.plan.NestedLoopJoinNode;
import io.exapg.core.plan.PlanNode;
import io.exapg.core.plan.ProjectNode;
import io.exapg.core.plan.ScanNode;
import io.exapg.core.plan.SortNode;
import io.exapg.core.plan.WindowNode;

/**
 * Which stored table column an operator's output column carries unchanged, followed down
 * through projections of plain (or cast) columns, filters, sorts, limits, joins, group keys and
 * windows; null when it is computed or comes from elsewhere.
 */
final class ColumnOrigins {
  private ColumnOrigins() {
  }

  static io.exapg.core.trace.ColumnRef of(PlanNode node, int output) {
    return switch (node) {
      case ScanNode scan -> {
        int column = scan.columns().get(output);
        yield column == ScanNode.ROW_ID ? null
            : new io.exapg.core.trace.ColumnRef(scan.tableId(), column);
      }
      case FilterNode filter -> of(filter.input(), output);
      case SortNode sort -> of(sort.input(), output);
      case LimitNode limit -> of(limit.input(), output);
      case ProjectNode project ->
          column(project.expressions().get(output)) instanceof ColumnRef ref
              ? of(project.input(), ref.index()) : null;
      case AggregateNode aggregate -> output < aggregate.groupKeys().size()
          ? of(aggregate.input(), aggregate.groupKeys().get(output)) : null;
      case WindowNode window -> output < window.input().outputTypes().size()
          ? of(window.input(), output) : null;
      case HashJoinNode join -> joined(join.probe(), join.build(), join.joinType(), output);
      case NestedLoopJoinNode join -> joined(join.left(), join.right(), join.joinType(), output);
      default -> null;
    };
  }

  /** The column an expression is, looking through casts (a join key widened to its match). */
  private static Expr column(Expr expr) {
    return expr instanceof Call call && call.function() == Function.CAST
        ? column(call.arguments().getFirst()) : expr;
  }

  private static io.exapg.core.trace.ColumnRef joined(PlanNode left, PlanNode right,
      JoinType type, int output) {
    if (type == JoinType.RIGHT_SEMI || type == JoinType.RIGHT_ANTI) {
      return of(right, output);
    }
    int leftWidth = left.outputTypes().size();
    return output < leftWidth ? of(left, output) : of(right, output - leftWidth);
  }
}
