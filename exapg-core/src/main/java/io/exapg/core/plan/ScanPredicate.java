package io.exapg.core.plan;

import io.exapg.core.expr.Expr;
import io.exapg.core.type.DataType;
import io.exapg.core.type.PhysicalType;
import java.io.Serializable;
import java.util.List;

/**
 * A simple predicate on one column of a scanned table. Storage skips whole segments and row
 * groups with zone maps, and, when the predicate is {@link #exact()}, drops the rows that fail
 * it, so that no filter above the scan needs to check it again; a dictionary-encoded string
 * column is checked on its dictionary without decoding the strings.
 *
 * @param column the table column's ordinal (not an output position of the scan)
 * @param type the column's type; constants have the same type
 * @param values constants (literals or parameters); one for comparisons, several for IN
 */
public record ScanPredicate(int column, DataType type, Op op, List<Expr> values)
    implements Serializable {
  /** The comparisons zone maps can decide. */
  public enum Op {
    EQUAL, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL, IN, IS_NULL,
    IS_NOT_NULL
  }

  public ScanPredicate {
    values = List.copyOf(values);
  }

  /**
   * Whether the scan applies it row by row. Floating point is left to the filter, whose
   * comparison puts NaN where PostgreSQL does.
   */
  public boolean exact() {
    return type.physical() != PhysicalType.FLOAT32 && type.physical() != PhysicalType.FLOAT64;
  }

  @Override
  public String toString() {
    return switch (op) {
      case IS_NULL -> "#" + column + " IS NULL";
      case IS_NOT_NULL -> "#" + column + " IS NOT NULL";
      case IN -> "#" + column + " IN " + values;
      default -> "#" + column + " " + switch (op) {
        case EQUAL -> "=";
        case LESS_THAN -> "<";
        case LESS_THAN_OR_EQUAL -> "<=";
        case GREATER_THAN -> ">";
        default -> ">=";
      } + " " + values.get(0);
    };
  }
}
