package io.exapg.core.expr.runtime;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A compiled LIKE / ILIKE pattern, matched against UTF-8 bytes without allocation (ILIKE on
 * non-ASCII input lower-cases through java.lang.String). '%' matches any sequence, '_' one
 * character; the escape character (backslash unless ESCAPE says otherwise) quotes the next one.
 */
public final class LikePattern {
  private static final int ANY_CHARACTER = -1;
  private static final int ANY_SEQUENCE = -2;

  private final int[] codes;
  private final boolean caseInsensitive;
  private final String source;

  private LikePattern(int[] codes, boolean caseInsensitive, String source) {
    this.codes = codes;
    this.caseInsensitive = caseInsensitive;
    this.source = source;
  }

  public static LikePattern compile(String pattern, String escape, boolean caseInsensitive) {
    if (escape != null && escape.codePointCount(0, escape.length()) > 1) {
      throw new ExaException(SqlState.INVALID_ESCAPE_SEQUENCE,
          "invalid escape string", 0, null, "Escape string must be empty or one character.",
          null);
    }
    String text = caseInsensitive ? pattern.toLowerCase(Locale.ROOT) : pattern;
    int escapeChar = escape == null ? '\\' : escape.isEmpty() ? -1 : escape.codePointAt(0);
    int[] codes = new int[text.length() * 4];
    int n = 0;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (c == escapeChar) {
        if (i >= text.length()) {
          throw new ExaException(SqlState.INVALID_ESCAPE_SEQUENCE,
              "LIKE pattern must not end with escape character");
        }
        c = text.codePointAt(i);
        i += Character.charCount(c);
        n = appendLiteral(codes, n, c);
      } else if (c == '%') {
        if (n == 0 || codes[n - 1] != ANY_SEQUENCE) {
          codes[n++] = ANY_SEQUENCE;
        }
      } else if (c == '_') {
        codes[n++] = ANY_CHARACTER;
      } else {
        n = appendLiteral(codes, n, c);
      }
    }
    return new LikePattern(java.util.Arrays.copyOf(codes, n), caseInsensitive, pattern);
  }

  private static int appendLiteral(int[] codes, int n, int codePoint) {
    byte[] utf8 = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
    for (byte b : utf8) {
      codes[n++] = b & 0xFF;
    }
    return n;
  }

  public String source() {
    return source;
  }

  public boolean matches(StringValue value) {
    if (caseInsensitive && !Strings.isAscii(value)) {
      byte[] lowered = value.toString().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
      return match(lowered, 0, lowered.length, false);
    }
    return match(value.bytes, value.offset, value.length, caseInsensitive);
  }

  private boolean match(byte[] input, int offset, int length, boolean foldAscii) {
    int[] pattern = codes;
    int m = pattern.length;
    int p = 0;
    int s = offset;
    int end = offset + length;
    int starP = -1;
    int starS = -1;
    while (s < end) {
      if (p < m) {
        int code = pattern[p];
        if (code == ANY_SEQUENCE) {
          starP = p++;
          starS = s;
          continue;
        }
        if (code == ANY_CHARACTER) {
          s = nextCharacter(input, s, end);
          p++;
          continue;
        }
        int b = input[s] & 0xFF;
        if (foldAscii && b >= 'A' && b <= 'Z') {
          b += 32;
        }
        if (code == b) {
          s++;
          p++;
          continue;
        }
      }
      if (starP < 0) {
        return false;
      }
      p = starP + 1;
      starS = nextCharacter(input, starS, end);
      s = starS;
    }
    while (p < m && pattern[p] == ANY_SEQUENCE) {
      p++;
    }
    return p == m;
  }

  private static int nextCharacter(byte[] input, int s, int end) {
    s++;
    while (s < end && (input[s] & 0xC0) == 0x80) {
      s++;
    }
    return s;
  }

  /** Matching with a pattern that changes per row keeps the last compiled pattern. */
  public static final class Cache {
    private final boolean caseInsensitive;
    private String lastPattern;
    private String lastEscape;
    private LikePattern compiled;

    public Cache(boolean caseInsensitive) {
      this.caseInsensitive = caseInsensitive;
    }

    public boolean matches(StringValue value, StringValue pattern, StringValue escape) {
      String p = pattern.toString();
      String e = escape == null ? null : escape.toString();
      if (compiled == null || !p.equals(lastPattern) || !java.util.Objects.equals(e, lastEscape)) {
        compiled = compile(p, e, caseInsensitive);
        lastPattern = p;
        lastEscape = e;
      }
      return compiled.matches(value);
    }
  }
}
