package io.exapg.planner.engine;

import java.util.Locale;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;

/**
 * The trace functions that act on the node rather than compute a value, recognized as whole
 * statements ("SELECT exa_statement_stats_reset()") and run by the session.
 */
final class TraceCalls {
  static final String STATEMENT_STATS_RESET = "exa_statement_stats_reset";

  private TraceCalls() {
  }

  static boolean isStatementStatsReset(SqlSelect select) {
    if (select.getFrom() != null || select.getWhere() != null || select.getGroup() != null
        || select.getSelectList().size() != 1) {
      return false;
    }
    SqlNode item = select.getSelectList().get(0);
    if (item instanceof SqlBasicCall alias && alias.getOperator().getName().equals("AS")) {
      item = alias.operand(0);
    }
    return item instanceof SqlCall call && call.operandCount() == 0
        && call.getOperator().getName().toLowerCase(Locale.ROOT)
            .equals(STATEMENT_STATS_RESET);
  }
}
