package io.exapg.core.expr.runtime;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
  /**
   * For case-sensitive patterns without '_': the literal pieces between the '%'s, which are
   * found with a byte search instead of the general matcher's backtracking; else null.
   */
  private final byte[][] segments;
  private final boolean anchoredStart;
  private final boolean anchoredEnd;

  private LikePattern(int[] codes, boolean caseInsensitive, String source) {
    this.codes = codes;
    this.caseInsensitive = caseInsensitive;
    this.source = source;
    boolean simple = !caseInsensitive;
    List<byte[]> pieces = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= codes.length && simple; i++) {
      if (i == codes.length || codes[i] == ANY_SEQUENCE) {
        if (i > start) {
          byte[] piece = new byte[i - start];
          for (int k = start; k < i; k++) {
            piece[k - start] = (byte) codes[k];
          }
          pieces.add(piece);
        }
        start = i + 1;
      } else if (codes[i] == ANY_CHARACTER) {
        simple = false;
      }
    }
    this.segments = simple ? pieces.toArray(new byte[0][]) : null;
    this.anchoredStart = codes.length == 0 || codes[0] != ANY_SEQUENCE;
    this.anchoredEnd = codes.length == 0 || codes[codes.length - 1] != ANY_SEQUENCE;
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
    if (segments != null) {
      return matchSegments(value.bytes, value.offset, value.offset + value.length);
    }
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

  /** Literal pieces in order: the first at the start and the last at the end if anchored. */
  private boolean matchSegments(byte[] input, int from, int end) {
    int n = segments.length;
    if (n == 0) {
      return !anchoredStart || from == end;
    }
    int s = from;
    int first = 0;
    int last = n;
    if (anchoredStart) {
      byte[] piece = segments[0];
      if (end - s < piece.length || !Arrays.equals(input, s, s + piece.length, piece, 0,
          piece.length)) {
        return false;
      }
      s += piece.length;
      first = 1;
    }
    if (anchoredEnd && (n > 1 || !anchoredStart)) {
      byte[] piece = segments[n - 1];
      if (end - s < piece.length || !Arrays.equals(input, end - piece.length, end,
          piece, 0, piece.length)) {
        return false;
      }
      end -= piece.length;
      last = n - 1;
    } else if (anchoredEnd && s != end) {
      return false;
    }
    for (int k = first; k < last; k++) {
      int at = indexOf(input, s, end, segments[k]);
      if (at < 0) {
        return false;
      }
      s = at + segments[k].length;
    }
    return true;
  }

  private static int indexOf(byte[] input, int from, int end, byte[] piece) {
    byte head = piece[0];
    int limit = end - piece.length;
    for (int i = from; i <= limit; i++) {
      if (input[i] == head && Arrays.equals(input, i + 1, i + piece.length, piece, 1,
          piece.length)) {
        return i;
      }
    }
    return -1;
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
