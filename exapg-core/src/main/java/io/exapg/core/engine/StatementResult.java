package io.exapg.core.engine;

import java.util.List;

/** What running a statement produced: rows, a command tag, or the start of a COPY. */
public sealed interface StatementResult permits StatementResult.Rows, StatementResult.Command,
    StatementResult.CopyIn, StatementResult.CopyOut {
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

  /** COPY ... FROM STDIN: the client sends the data next (text format, columnCount fields). */
  record CopyIn(int columnCount, CopyInSink sink) implements StatementResult {
  }

  /** COPY ... TO STDOUT: data to send (text format, columnCount fields); tag "COPY n". */
  record CopyOut(int columnCount, CopyOutSource source) implements StatementResult {
  }
}
