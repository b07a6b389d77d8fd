package io.exapg.core.plan;

import io.exapg.core.expr.Expr;
import java.io.Serializable;
import java.util.List;

/**
 * A simple predicate on one scanned column that storage can check against zone maps to skip
 * data. The full condition still runs in a filter above the scan.
 *
 * @param column index into the scan's output columns
 * @param values constants (literals or parameters); one for comparisons, several for IN
 */
public record ScanPredicate(int column, Op op, List<Expr> values) implements Serializable {
  /** The comparisons zone maps can decide. */
  public enum Op {
    EQUAL, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL, IN, IS_NULL,
    IS_NOT_NULL
  }

  public ScanPredicate {
    values = List.copyOf(values);
  }

  @Override
  public String toString() {
    return switch (op) {
      case IS_NULL -> "$" + column + " IS NULL";
      case IS_NOT_NULL -> "$" + column + " IS NOT NULL";
      case IN -> "$" + column + " IN " + values;
      default -> "$" + column + " " + switch (op) {
        case EQUAL -> "=";
        case LESS_THAN -> "<";
        case LESS_THAN_OR_EQUAL -> "<=";
        case GREATER_THAN -> ">";
        default -> ">=";
      } + " " + values.get(0);
    };
  }
}
