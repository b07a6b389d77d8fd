package io.exapg.core.exec.source;

import io.exapg.core.error.ExaException;
import io.exapg.core.expr.Expr;
import io.exapg.core.expr.Literal;
import io.exapg.core.expr.Parameter;

/** The value of an expression that must be constant for one execution. */
public final class Constants {
  private Constants() {
  }

  public static Object value(Expr expr, Object[] parameters) {
    return switch (expr) {
      case Literal literal -> literal.value();
      case Parameter parameter -> parameters[parameter.index()];
      default -> throw ExaException.internal("not a constant: " + expr, null);
    };
  }
}
