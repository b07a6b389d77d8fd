package io.exapg.planner.engine;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.core.trace.TraceScope;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;

/**
 * The functions that act on the node rather than compute a value, recognized as whole
 * statements ("SELECT exa_trace_start(user_name => 'webapp')", "SELECT pg_reload_conf()")
 * and run by the session.
 */
final class NodeCalls {
  static final String STATEMENT_STATS_RESET = "exa_statement_stats_reset";
  static final String TRACE_START = "exa_trace_start";
  static final String TRACE_STOP = "exa_trace_stop";
  static final String RELOAD_CONF = "pg_reload_conf";
  private static final Set<String> NAMES = Set.of(STATEMENT_STATS_RESET, TRACE_START,
      TRACE_STOP, RELOAD_CONF);

  private NodeCalls() {
  }

  /** The statement's call when it is "SELECT f(...)" of one of these functions, else null. */
  static SqlCall call(SqlSelect select) {
    if (select.getFrom() != null || select.getWhere() != null || select.getGroup() != null
        || select.getSelectList().size() != 1) {
      return null;
    }
    SqlNode item = select.getSelectList().get(0);
    if (item instanceof SqlBasicCall alias && alias.getOperator().getName().equals("AS")) {
      item = alias.operand(0);
    }
    return item instanceof SqlCall call && NAMES.contains(name(call)) ? call : null;
  }

  static String name(SqlCall call) {
    return call.getOperator().getName().toLowerCase(Locale.ROOT);
  }

  /**
   * exa_trace_start's arguments, all optional and named: user_name, database_name, sample (a
   * fraction in (0, 1]) and min_duration (milliseconds, or text such as '2s').
   */
  static TraceScope scope(SqlCall call) {
    String user = null;
    String database = null;
    double sample = 1;
    long minDurationNanos = -1;
    for (SqlNode operand : call.getOperandList()) {
      if (!(operand instanceof SqlCall assignment)
          || assignment.getKind() != SqlKind.ARGUMENT_ASSIGNMENT
          || !(assignment.operand(0) instanceof SqlLiteral value)) {
        throw invalid("exa_trace_start takes named constants: user_name => 'name',"
            + " database_name => 'name', sample => 0.01, min_duration => '1s'");
      }
      String name = ((SqlIdentifier) assignment.operand(1)).getSimple().toLowerCase(Locale.ROOT);
      switch (name) {
        case "user_name" -> user = value.toValue();
        case "database_name" -> database = value.toValue();
        case "sample" -> {
          sample = value.getValueAs(BigDecimal.class).doubleValue();
          if (!(sample > 0 && sample <= 1)) {
            throw invalid("sample must be a fraction above 0 and at most 1, not " + sample);
          }
        }
        case "min_duration" -> minDurationNanos = value.getTypeName().getFamily()
            == org.apache.calcite.sql.type.SqlTypeFamily.NUMERIC
            ? value.getValueAs(BigDecimal.class).longValue() * 1_000_000L
            : SessionSettings.parseDuration("min_duration", value.toValue()) * 1_000_000L;
        default -> throw invalid("exa_trace_start has no argument \"" + name + "\"");
      }
    }
    return new TraceScope(user, database, sample, minDurationNanos);
  }

  private static ExaException invalid(String message) {
    return new ExaException(SqlState.INVALID_PARAMETER_VALUE, message);
  }
}
