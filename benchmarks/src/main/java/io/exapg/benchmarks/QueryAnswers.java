package io.exapg.benchmarks;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A query's rows read for comparison between engines: numbers as BigDecimal, everything else
 * as text without trailing blanks (CHAR padding). Numbers agree to 9 significant digits or,
 * where one engine's DECIMAL result has fewer decimal places (ExaPG's decimals hold 18
 * digits, so AVG and division of DECIMAL(15,2) keep 5 and 6 places), when the other's value
 * rounded to those places is equal.
 */
final class QueryAnswers {
  private static final MathContext DIGITS = new MathContext(9);

  private QueryAnswers() {
  }

  static List<List<Object>> rows(Connection connection, String sql, int timeoutSeconds)
      throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(timeoutSeconds);
      try (ResultSet rs = statement.executeQuery(sql)) {
        ResultSetMetaData meta = rs.getMetaData();
        while (rs.next()) {
          List<Object> row = new ArrayList<>();
          for (int c = 1; c <= meta.getColumnCount(); c++) {
            Object value = rs.getObject(c);
            if (value == null) {
              row.add(null);
            } else if (value instanceof Number number) {
              row.add(new BigDecimal(number.toString()));
            } else {
              row.add(value.toString().stripTrailing());
            }
          }
          rows.add(row);
        }
      }
    }
    return rows;
  }

  /** Where two answers differ, or null when they agree. */
  static String difference(List<List<Object>> expected, List<List<Object>> actual) {
    if (expected.size() != actual.size()) {
      return "expected " + expected.size() + " rows, got " + actual.size();
    }
    for (int r = 0; r < expected.size(); r++) {
      List<Object> want = expected.get(r);
      List<Object> got = actual.get(r);
      if (want.size() != got.size()) {
        return "expected " + want.size() + " columns, got " + got.size();
      }
      for (int c = 0; c < want.size(); c++) {
        if (!same(want.get(c), got.get(c))) {
          return "row " + (r + 1) + " column " + (c + 1) + ": expected " + want + ", got "
              + got;
        }
      }
    }
    return null;
  }

  private static boolean same(Object want, Object got) {
    if (want == null || got == null) {
      return want == got;
    }
    if (want instanceof BigDecimal a && got instanceof BigDecimal b) {
      return a.round(DIGITS).compareTo(b.round(DIGITS)) == 0
          || b.scale() < a.scale()
              && a.setScale(b.scale(), RoundingMode.HALF_UP).compareTo(b) == 0
          || a.scale() < b.scale()
              && b.setScale(a.scale(), RoundingMode.HALF_UP).compareTo(a) == 0;
    }
    return want.equals(got);
  }
}
