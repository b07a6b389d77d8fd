package io.exapg.planner.rel;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexExecutor;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.rex.RexVisitorImpl;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Calcite's evaluation of constant expressions while planning, except for those that make
 * arrays ('{1,2}'::int[]), which Calcite's evaluator does not implement, and those that touch
 * bytea, which Calcite converts from and to text by its own rules, not PostgreSQL's; ExaPG's
 * own constant folding computes them.
 */
public final class ConstantReduction implements RexExecutor {
  public static final ConstantReduction INSTANCE = new ConstantReduction();

  private ConstantReduction() {
  }

  @Override
  public void reduce(RexBuilder rexBuilder, List<RexNode> constExps,
      List<RexNode> reducedValues) {
    List<RexNode> reducible = new ArrayList<>();
    for (RexNode expression : constExps) {
      if (reducible(expression)) {
        reducible.add(expression);
      }
    }
    List<RexNode> reduced = new ArrayList<>();
    if (!reducible.isEmpty()) {
      RexUtil.EXECUTOR.reduce(rexBuilder, reducible, reduced);
    }
    int next = 0;
    for (RexNode expression : constExps) {
      reducedValues.add(reducible(expression) ? reduced.get(next++) : expression);
    }
  }

  private static boolean reducible(RexNode expression) {
    if (SqlTypeUtil.isArray(expression.getType())) {
      return false;
    }
    boolean[] binary = {false};
    expression.accept(new RexVisitorImpl<Void>(true) {
      @Override
      public Void visitCall(RexCall call) {
        binary[0] |= SqlTypeUtil.isBinary(call.getType());
        return super.visitCall(call);
      }

      @Override
      public Void visitLiteral(RexLiteral literal) {
        binary[0] |= SqlTypeUtil.isBinary(literal.getType());
        return null;
      }
    });
    return !binary[0];
  }
}
