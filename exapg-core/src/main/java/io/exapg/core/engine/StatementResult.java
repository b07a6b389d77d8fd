package io.exapg.core.engine;

import java.util.List;

/** What running a statement produced: rows, or just a command tag. */
public sealed interface StatementResult permits StatementResult.Rows, StatementResult.Command {
  /**
   * Rows to stream to the client; the command tag is the prefix followed by the row count
   * (e.g. "SELECT 3").
   */
  record Rows(List<ResultColumn> columns, ResultStream stream, String tagPrefix)
      implements StatementResult {
  }

  /** A statement without rows, e.g. "CREATE TABLE" or "INSERT 0 5". */
  record Command(String tag) implements StatementResult {
  }
}
