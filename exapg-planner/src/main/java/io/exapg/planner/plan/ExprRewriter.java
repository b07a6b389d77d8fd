package io.exapg.planner.plan;

import io.exapg.core.expr.Call;
import io.exapg.core.expr.ColumnRef;
import io.exapg.core.expr.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

/** Rewrites the column references of an expression. */
final class ExprRewriter {
  private ExprRewriter() {
  }

  static Expr mapColumns(Expr expr, IntUnaryOperator mapping) {
    return switch (expr) {
      case ColumnRef ref -> new ColumnRef(mapping.applyAsInt(ref.index()), ref.type());
      case Call call -> {
        List<Expr> arguments = new ArrayList<>();
        for (Expr argument : call.arguments()) {
          arguments.add(mapColumns(argument, mapping));
        }
        yield new Call(call.function(), arguments, call.type());
      }
      default -> expr;
    };
  }
}
