package io.exapg.core.trace;

/**
 * A statement's text with its constants taken out, so that statements differing only in
 * them count as one (as pg_stat_statements does): string and number literals and parameters
 * become "?", runs of white space one space, and comments go.
 */
public final class Fingerprint {
  private Fingerprint() {
  }

  public static String normalize(String sql) {
    StringBuilder out = new StringBuilder(sql.length());
    int n = sql.length();
    int i = 0;
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '\'' || (c == 'E' || c == 'e') && i + 1 < n && sql.charAt(i + 1) == '\''
          && !identifierBefore(sql, i)) {
        int j = c == '\'' ? i + 1 : i + 2;
        while (j < n) {
          if (sql.charAt(j) == '\'' && j + 1 < n && sql.charAt(j + 1) == '\'') {
            j += 2;
          } else if (sql.charAt(j) == '\\' && c != '\'' && j + 1 < n) {
            j += 2;
          } else if (sql.charAt(j) == '\'') {
            break;
          } else {
            j++;
          }
        }
        out.append('?');
        i = j + 1;
      } else if (c == '"') {
        int j = sql.indexOf('"', i + 1);
        j = j < 0 ? n : j + 1;
        out.append(sql, i, j);
        i = j;
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int j = sql.indexOf('\n', i);
        i = j < 0 ? n : j;
        space(out);
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int j = sql.indexOf("*/", i + 2);
        i = j < 0 ? n : j + 2;
        space(out);
      } else if (Character.isWhitespace(c)) {
        while (i < n && Character.isWhitespace(sql.charAt(i))) {
          i++;
        }
        space(out);
      } else if (Character.isDigit(c) && !identifierBefore(sql, i)
          || c == '$' && i + 1 < n && Character.isDigit(sql.charAt(i + 1))) {
        int j = i + 1;
        while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '.')) {
          j++;
        }
        out.append('?');
        i = j;
      } else {
        out.append(c);
        i++;
      }
    }
    int end = out.length();
    while (end > 0 && (out.charAt(end - 1) == ';' || out.charAt(end - 1) == ' ')) {
      end--;
    }
    return out.substring(0, end);
  }

  /** Comments and white space between tokens become one space. */
  private static void space(StringBuilder out) {
    if (!out.isEmpty() && out.charAt(out.length() - 1) != ' ') {
      out.append(' ');
    }
  }

  /** Whether the character before position i continues a name (t1, e'...' in "name'"). */
  private static boolean identifierBefore(String sql, int i) {
    if (i == 0) {
      return false;
    }
    char before = sql.charAt(i - 1);
    return Character.isLetterOrDigit(before) || before == '_' || before == '$';
  }

  /** A 64-bit hash of the normalized text, as the fingerprint's id. */
  public static long id(String normalized) {
    long hash = 0xcbf29ce484222325L;
    for (int i = 0; i < normalized.length(); i++) {
      hash ^= normalized.charAt(i);
      hash *= 0x100000001b3L;
    }
    return hash;
  }
}
