package io.exapg.planner.rel;

import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeTransforms;
import org.apache.calcite.util.Optionality;

/**
 * ARRAY_AGG with its elements sorted by value, which ARRAY(subquery ORDER BY ...) becomes.
 * The order is part of the function rather than of the call's collation, whose field
 * numbers the decorrelator does not renumber.
 */
public final class OrderedArrayAgg extends SqlAggFunction {
  public static final OrderedArrayAgg ASCENDING = new OrderedArrayAgg(false);
  public static final OrderedArrayAgg DESCENDING = new OrderedArrayAgg(true);

  private final boolean descending;

  private OrderedArrayAgg(boolean descending) {
    // NULL over no rows, like ARRAY_AGG
    super("ARRAY_AGG", null, SqlKind.OTHER_FUNCTION,
        ReturnTypes.TO_ARRAY.andThen(SqlTypeTransforms.FORCE_NULLABLE), null,
        OperandTypes.ANY, SqlFunctionCategory.SYSTEM, false, false, Optionality.FORBIDDEN);
    this.descending = descending;
  }

  public boolean descending() {
    return descending;
  }
}
