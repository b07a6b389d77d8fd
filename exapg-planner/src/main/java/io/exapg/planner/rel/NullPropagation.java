package io.exapg.planner.rel;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/**
 * Arithmetic and comparisons with a NULL constant operand are NULL, as in PostgreSQL, where
 * the other operands are then never evaluated. Folding them before optimization also keeps
 * "x <= NULL" out of the predicates Calcite pulls up, which it refuses. WHERE and ON
 * conditions then lose what a NULL decides, as in PostgreSQL's planner.
 */
public final class NullPropagation {
  private static final Set<SqlKind> STRICT = EnumSet.of(SqlKind.PLUS, SqlKind.MINUS,
      SqlKind.TIMES, SqlKind.DIVIDE, SqlKind.MOD, SqlKind.MINUS_PREFIX, SqlKind.PLUS_PREFIX,
      SqlKind.EQUALS, SqlKind.NOT_EQUALS, SqlKind.LESS_THAN, SqlKind.LESS_THAN_OR_EQUAL,
      SqlKind.GREATER_THAN, SqlKind.GREATER_THAN_OR_EQUAL);

  private NullPropagation() {
  }

  public static RelNode apply(RelNode rel, RexBuilder rexBuilder) {
    RexShuttle folding = new RexShuttle() {
      @Override
      public RexNode visitCall(RexCall call) {
        RexCall visited = (RexCall) super.visitCall(call);
        if (STRICT.contains(visited.getKind()) && visited.getOperands().stream()
            .anyMatch(operand -> RexUtil.isNullLiteral(operand, true))) {
          return rexBuilder.makeNullLiteral(visited.getType());
        }
        return visited;
      }
    };
    return rel.accept(new RelHomogeneousShuttle() {
      @Override
      public RelNode visit(RelNode other) {
        RelNode folded = super.visit(other).accept(folding);
        if (folded instanceof Filter filter) {
          RexNode condition = qualification(filter.getCondition(), rexBuilder);
          return condition == filter.getCondition() ? filter
              : filter.copy(filter.getTraitSet(), filter.getInput(), condition);
        }
        if (folded instanceof Join join) {
          RexNode condition = qualification(join.getCondition(), rexBuilder);
          return condition == join.getCondition() ? join
              : join.copy(join.getTraitSet(), condition, join.getLeft(), join.getRight(),
                  join.getJoinType(), join.isSemiJoinDone());
        }
        return folded;
      }
    });
  }

  /**
   * A WHERE or ON condition as PostgreSQL's planner reads it: there a NULL is as good as
   * false, so a top-level AND with a NULL (or false) operand is false, and NULL operands of a
   * top-level OR drop out; the other operands are then never evaluated (so they cannot fail).
   */
  private static RexNode qualification(RexNode original, RexBuilder rexBuilder) {
    RexNode condition = withoutTopNot(original, rexBuilder);
    if (condition.getKind() == SqlKind.AND) {
      for (RexNode operand : ((RexCall) condition).getOperands()) {
        if (RexUtil.isNullLiteral(operand, true) || operand.isAlwaysFalse()) {
          return rexBuilder.makeLiteral(false);
        }
      }
    }
    if (condition.getKind() == SqlKind.OR) {
      List<RexNode> kept = ((RexCall) condition).getOperands().stream()
          .filter(operand -> !RexUtil.isNullLiteral(operand, true)).toList();
      if (kept.size() < ((RexCall) condition).getOperands().size()) {
        return kept.isEmpty() ? rexBuilder.makeLiteral(false)
            : RexUtil.composeDisjunction(rexBuilder, kept);
      }
    }
    return original;
  }

  /**
   * A NOT over AND, OR or NOT pushed down by De Morgan's laws (which hold in three-valued
   * logic), so that a NULL under it shows at the top; NOT NULL is NULL.
   */
  private static RexNode withoutTopNot(RexNode node, RexBuilder rexBuilder) {
    if (node.getKind() != SqlKind.NOT) {
      return node;
    }
    RexNode inner = ((RexCall) node).getOperands().get(0);
    return switch (inner.getKind()) {
      case NOT -> withoutTopNot(((RexCall) inner).getOperands().get(0), rexBuilder);
      case AND -> RexUtil.composeDisjunction(rexBuilder, negated(inner, rexBuilder));
      case OR -> RexUtil.composeConjunction(rexBuilder, negated(inner, rexBuilder));
      default -> RexUtil.isNullLiteral(inner, true) ? inner : node;
    };
  }

  private static List<RexNode> negated(RexNode call, RexBuilder rexBuilder) {
    return ((RexCall) call).getOperands().stream()
        .map(operand -> withoutTopNot(rexBuilder.makeCall(SqlStdOperatorTable.NOT, operand),
            rexBuilder))
        .toList();
  }
}
