package io.exapg.planner.parser;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a query string into statements at top-level semicolons, skipping quoted text, comments
 * and dollar-quoted strings, and replaces PostgreSQL parameter markers ($1, $2, ...) by
 * Calcite's "?" padded to the same length, so error positions stay right.
 */
public final class StatementSplitter {
  /**
   * One statement's text (with markers replaced), where it starts in the whole string, and for
   * each "?" in order the 0-based number of the parameter it stands for.
   */
  public record Piece(String text, int offset, List<Integer> parameters) {
  }

  private StatementSplitter() {
  }

  public static List<Piece> split(String sql) {
    List<Piece> pieces = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    List<Integer> parameters = new ArrayList<>();
    int start = 0;
    int i = 0;
    int n = sql.length();
    boolean meaningful = false;
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"') {
        int end = skipQuoted(sql, i, c);
        current.append(sql, i, end);
        meaningful = true;
        i = end;
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int end = sql.indexOf('\n', i);
        end = end < 0 ? n : end;
        current.append(sql, i, end);
        i = end;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = skipBlockComment(sql, i);
        current.append(sql, i, end);
        i = end;
      } else if (c == '$' && i + 1 < n && Character.isDigit(sql.charAt(i + 1))
          && (i == 0 || !isIdentifierPart(sql.charAt(i - 1)))) {
        int end = i + 1;
        while (end < n && Character.isDigit(sql.charAt(end))) {
          end++;
        }
        parameters.add(Integer.parseInt(sql.substring(i + 1, end)) - 1);
        current.append('?');
        current.append(" ".repeat(end - i - 1));
        meaningful = true;
        i = end;
      } else if (c == '$' && (i == 0 || !isIdentifierPart(sql.charAt(i - 1)))
          && dollarTagEnd(sql, i) > 0) {
        int tagEnd = dollarTagEnd(sql, i);
        String tag = sql.substring(i, tagEnd);
        int close = sql.indexOf(tag, tagEnd);
        int end = close < 0 ? n : close + tag.length();
        current.append(sql, i, end);
        meaningful = true;
        i = end;
      } else if (c == ';') {
        if (meaningful) {
          pieces.add(new Piece(current.toString(), start, List.copyOf(parameters)));
        }
        current.setLength(0);
        parameters.clear();
        meaningful = false;
        i++;
        start = i;
      } else {
        if (!Character.isWhitespace(c)) {
          meaningful = true;
        }
        current.append(c);
        i++;
      }
    }
    if (meaningful) {
      pieces.add(new Piece(current.toString(), start, List.copyOf(parameters)));
    }
    return pieces;
  }

  private static boolean isIdentifierPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }

  private static int skipQuoted(String sql, int i, char quote) {
    int j = i + 1;
    while (j < sql.length()) {
      if (sql.charAt(j) == quote) {
        if (j + 1 < sql.length() && sql.charAt(j + 1) == quote) {
          j += 2;
          continue;
        }
        return j + 1;
      }
      j++;
    }
    return sql.length();
  }

  private static int skipBlockComment(String sql, int i) {
    int depth = 0;
    int j = i;
    while (j < sql.length()) {
      if (sql.startsWith("/*", j)) {
        depth++;
        j += 2;
      } else if (sql.startsWith("*/", j)) {
        depth--;
        j += 2;
        if (depth == 0) {
          return j;
        }
      } else {
        j++;
      }
    }
    return sql.length();
  }

  /** For "$tag$" or "$$" starting at i, the index after the closing $ of the tag; else -1. */
  private static int dollarTagEnd(String sql, int i) {
    int j = i + 1;
    while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j))
        || sql.charAt(j) == '_')) {
      j++;
    }
    return j < sql.length() && sql.charAt(j) == '$' ? j + 1 : -1;
  }
}
