package io.exapg.benchmarks.slt;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Runs sqllogictest records over JDBC and tells which pass, formatting values as SQLite's
 * reference runner does: I as a 64-bit integer (fractions truncated), R with three decimals,
 * T as text with "(empty)" for the empty string and '@' for unprintable characters, NULL as
 * NULL; results with more values than the hash threshold compared by their MD5.
 */
public final class SltRunner {
  private final Connection connection;
  private final int timeoutSeconds;

  public SltRunner(Connection connection, int timeoutSeconds) {
    this.connection = connection;
    this.timeoutSeconds = timeoutSeconds;
  }

  /** A record's outcome: passed, or why not. */
  public record Outcome(boolean passed, String detail) {
    static final Outcome PASSED = new Outcome(true, "");
  }

  public Outcome run(SltRecord record) {
    try (Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(timeoutSeconds);
      if (record.kind() != SltRecord.Kind.QUERY) {
        try {
          statement.execute(record.sql());
        } catch (SQLException e) {
          return record.kind() == SltRecord.Kind.STATEMENT_ERROR ? Outcome.PASSED
              : new Outcome(false, "failed: " + e.getSQLState() + " " + firstLine(e));
        }
        return record.kind() == SltRecord.Kind.STATEMENT_OK ? Outcome.PASSED
            : new Outcome(false, "succeeded, expected an error");
      }
      List<List<String>> rows = new ArrayList<>();
      try (ResultSet result = statement.executeQuery(record.sql())) {
        int columns = result.getMetaData().getColumnCount();
        while (result.next()) {
          List<String> row = new ArrayList<>(columns);
          for (int c = 1; c <= columns; c++) {
            char type = c - 1 < record.types().length() ? record.types().charAt(c - 1) : 'T';
            row.add(format(result.getObject(c), type));
          }
          rows.add(row);
        }
      } catch (SQLException e) {
        return new Outcome(false, "failed: " + e.getSQLState() + " " + firstLine(e));
      }
      List<String> actual = values(rows, record.sortMode());
      List<String> expected = record.expected();
      if (record.hashThreshold() > 0 && actual.size() > record.hashThreshold()
          || isHash(expected)) {
        actual = List.of(actual.size() + " values hashing to " + md5(actual));
      }
      return actual.equals(expected) ? Outcome.PASSED
          : new Outcome(false, "expected " + abbreviate(expected) + " got " + abbreviate(actual));
    } catch (SQLException e) {
      return new Outcome(false, "failed: " + e.getSQLState() + " " + firstLine(e));
    }
  }

  private static boolean isHash(List<String> expected) {
    return expected.size() == 1 && expected.get(0).contains(" values hashing to ");
  }

  private static List<String> values(List<List<String>> rows, SltRecord.SortMode mode) {
    if (mode == SltRecord.SortMode.ROWSORT) {
      rows.sort((a, b) -> {
        for (int c = 0; c < a.size(); c++) {
          int order = a.get(c).compareTo(b.get(c));
          if (order != 0) {
            return order;
          }
        }
        return 0;
      });
    }
    List<String> values = new ArrayList<>();
    rows.forEach(values::addAll);
    if (mode == SltRecord.SortMode.VALUESORT) {
      values.sort(null);
    }
    return values;
  }

  static String format(Object value, char type) {
    if (value == null) {
      return "NULL";
    }
    return switch (type) {
      case 'I' -> switch (value) {
        case Boolean b -> b ? "1" : "0";
        case BigDecimal d -> Long.toString(d.longValue());
        case Number n -> Long.toString(n.longValue());
        default -> Long.toString(leadingInteger(value.toString()));
      };
      case 'R' -> String.format(Locale.ROOT, "%.3f", value instanceof Number n
          ? n.doubleValue() : leadingDouble(value.toString()));
      default -> text(value.toString());
    };
  }

  private static String text(String value) {
    if (value.isEmpty()) {
      return "(empty)";
    }
    char[] chars = value.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      if (chars[i] < ' ' || chars[i] > '~') {
        chars[i] = '@';
      }
    }
    return new String(chars);
  }

  /** SQLite's text-to-integer conversion: the leading integer, or 0. */
  private static long leadingInteger(String text) {
    String digits = text.strip().replaceFirst("^([+-]?\\d+).*$", "$1");
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static double leadingDouble(String text) {
    try {
      return Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      return leadingInteger(text);
    }
  }

  static String md5(List<String> values) {
    try {
      MessageDigest digest = MessageDigest.getInstance("MD5");
      for (String value : values) {
        digest.update(value.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String abbreviate(List<String> values) {
    String text = Arrays.toString(values.toArray());
    return text.length() > 200 ? text.substring(0, 200) + "..." : text;
  }

  private static String firstLine(SQLException e) {
    String message = String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
