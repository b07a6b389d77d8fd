package io.exapg.core.engine;

import io.exapg.core.type.DataType;
import java.util.List;
import java.util.Map;

/**
 * One client's session: settings, transaction state, and statement execution. Statements go
 * through three steps: {@link #parse} (syntax only, so that a query string with several
 * statements fails as a whole on a syntax error), {@link #prepare} (validation and planning
 * against the catalog) and {@link #execute}.
 */
public interface EngineSession extends AutoCloseable {
  /** Splits a query string into statements and checks their syntax; empty if there are none. */
  List<ParsedStatement> parse(String sql);

  /**
   * Validates and plans a statement.
   *
   * @param declaredTypes parameter types the client declared, by position; null entries (or
   *     missing ones) are inferred
   */
  PreparedQuery prepare(ParsedStatement statement, List<DataType> declaredTypes);

  /** Runs a prepared statement with parameter values in their types' physical form. */
  StatementResult execute(PreparedQuery query, List<Object> parameters);

  /**
   * Like {@link #execute(PreparedQuery, List)}; with incremental set, a query's rows may be
   * produced while the client fetches them instead of all before the first is returned (the
   * client asked for a few rows at a time).
   */
  default StatementResult execute(PreparedQuery query, List<Object> parameters,
      boolean incremental) {
    return execute(query, parameters);
  }

  TransactionState transactionState();

  /**
   * How long the session may wait for its client inside a transaction block before the
   * connection is ended (idle_in_transaction_session_timeout); 0 for ever.
   */
  long idleInTransactionTimeoutMillis();

  /**
   * Settings clients must be told about (ParameterStatus): on the first call all of them, then
   * those changed since the previous call.
   */
  Map<String, String> takeReportedParameterChanges();

  /** Notices (NOTICE severity) raised by the last statements, in order; clears them. */
  List<String> takeNotices();

  /** Asks the running statement, if any, to stop with SQLSTATE 57014. Thread-safe. */
  void cancel();

  @Override
  void close();
}
