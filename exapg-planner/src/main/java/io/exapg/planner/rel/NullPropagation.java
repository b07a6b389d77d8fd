package io.exapg.planner.rel;

import java.util.EnumSet;
import java.util.Set;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * Arithmetic and comparisons with a NULL constant operand are NULL, as in PostgreSQL, where
 * the other operands are then never evaluated. Folding them before optimization also keeps
 * "x <= NULL" out of the predicates Calcite pulls up, which it refuses.
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
        return super.visit(other).accept(folding);
      }
    });
  }
}
