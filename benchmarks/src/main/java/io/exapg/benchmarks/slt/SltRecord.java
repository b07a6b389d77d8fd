package io.exapg.benchmarks.slt;

import java.util.List;

/**
 * One record of a SQLite sqllogictest file: a statement expected to succeed or fail, or a
 * query with its column types (I, R, T), sort mode and expected values (or their hash).
 *
 * @param expected the expected values one per line, or a single "N values hashing to MD5"
 */
public record SltRecord(int line, Kind kind, String sql, String types, SortMode sortMode,
    List<String> expected, int hashThreshold) {
  /** What a record checks. */
  public enum Kind {
    STATEMENT_OK,
    STATEMENT_ERROR,
    QUERY
  }

  /** How a query's values are ordered before they are compared. */
  public enum SortMode {
    NOSORT,
    ROWSORT,
    VALUESORT
  }
}
