package io.exapg.core.expr.runtime;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.VarCharVector;

/**
 * String functions over UTF-8 {@link StringValue}s, for generated code. ASCII-only inputs take
 * byte paths that allocate nothing; other inputs go through java.lang.String.
 */
public final class Strings {
  private Strings() {
  }

  /** Copies row i of a VarChar vector's buffers into out. */
  public static void read(ArrowBuf offsets, ArrowBuf data, int i, StringValue out) {
    int start = offsets.getInt((long) i << 2);
    int end = offsets.getInt(((long) i + 1) << 2);
    int length = end - start;
    byte[] target = out.reserve(length);
    data.getBytes(start, target, 0, length);
    out.length = length;
  }

  public static void write(VarCharVector vector, int i, StringValue value) {
    vector.setSafe(i, value.bytes, value.offset, value.length);
  }

  /** Byte-wise comparison, which for UTF-8 is code point order (collation "C"). */
  public static int compare(StringValue a, StringValue b) {
    return java.util.Arrays.compareUnsigned(a.bytes, a.offset, a.offset + a.length, b.bytes,
        b.offset, b.offset + b.length);
  }

  private static final int SHORT_STRING_BYTES = 16;

  public static boolean equal(StringValue a, StringValue b) {
    if (a.length != b.length) {
      return false;
    }
    if (a.length <= SHORT_STRING_BYTES) {
      // Codes and flags: a byte loop beats the range check and setup of Arrays.equals.
      for (int i = 0; i < a.length; i++) {
        if (a.bytes[a.offset + i] != b.bytes[b.offset + i]) {
          return false;
        }
      }
      return true;
    }
    return java.util.Arrays.equals(a.bytes, a.offset, a.offset + a.length, b.bytes, b.offset,
        b.offset + b.length);
  }

  /** Comparison of CHAR(n) values, where trailing spaces do not count. */
  public static int compareBlankPadded(StringValue a, StringValue b) {
    int la = trimmedLength(a);
    int lb = trimmedLength(b);
    return java.util.Arrays.compareUnsigned(a.bytes, a.offset, a.offset + la, b.bytes, b.offset,
        b.offset + lb);
  }

  private static int trimmedLength(StringValue value) {
    int length = value.length;
    while (length > 0 && value.bytes[value.offset + length - 1] == ' ') {
      length--;
    }
    return length;
  }

  static boolean isAscii(byte[] bytes, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      if (bytes[i] < 0) {
        return false;
      }
    }
    return true;
  }

  static boolean isAscii(StringValue value) {
    return isAscii(value.bytes, value.offset, value.length);
  }

  public static void concat(StringValue a, StringValue b, StringValue out) {
    byte[] target = out.reserve(a.length + b.length);
    System.arraycopy(a.bytes, a.offset, target, 0, a.length);
    System.arraycopy(b.bytes, b.offset, target, a.length, b.length);
    out.length = a.length + b.length;
  }

  public static void upper(StringValue in, StringValue out) {
    if (isAscii(in)) {
      byte[] target = out.reserve(in.length);
      for (int i = 0; i < in.length; i++) {
        byte c = in.bytes[in.offset + i];
        target[i] = c >= 'a' && c <= 'z' ? (byte) (c - 32) : c;
      }
      out.length = in.length;
    } else {
      out.set(in.toString().toUpperCase(Locale.ROOT));
    }
  }

  public static void lower(StringValue in, StringValue out) {
    if (isAscii(in)) {
      byte[] target = out.reserve(in.length);
      for (int i = 0; i < in.length; i++) {
        byte c = in.bytes[in.offset + i];
        target[i] = c >= 'A' && c <= 'Z' ? (byte) (c + 32) : c;
      }
      out.length = in.length;
    } else {
      out.set(in.toString().toLowerCase(Locale.ROOT));
    }
  }

  public static void initcap(StringValue in, StringValue out) {
    String text = in.toString();
    StringBuilder sb = new StringBuilder(text.length());
    boolean startOfWord = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      sb.append(startOfWord ? Character.toUpperCase(c) : Character.toLowerCase(c));
      startOfWord = !Character.isLetterOrDigit(c);
    }
    out.set(sb.toString());
  }

  /** Number of characters (code points). */
  public static int charLength(StringValue value) {
    int count = 0;
    for (int i = value.offset; i < value.offset + value.length; i++) {
      if ((value.bytes[i] & 0xC0) != 0x80) {
        count++;
      }
    }
    return count;
  }

  /** Byte offset (relative to value.offset) of the character with the given 0-based index. */
  private static int byteIndexOfChar(StringValue value, int charIndex) {
    if (charIndex <= 0) {
      return 0;
    }
    int count = 0;
    for (int i = 0; i < value.length; i++) {
      if ((value.bytes[value.offset + i] & 0xC0) != 0x80) {
        if (count == charIndex) {
          return i;
        }
        count++;
      }
    }
    return value.length;
  }

  /** SUBSTRING(value FROM start [FOR length]) with PostgreSQL's rules for start below 1. */
  public static void substring(StringValue in, long start, long length, boolean hasLength,
      StringValue out) {
    if (hasLength && length < 0) {
      throw new ExaException(SqlState.SUBSTRING_ERROR, "negative substring length not allowed");
    }
    long first = start - 1;
    long end = hasLength ? first + length : Long.MAX_VALUE;
    if (first < 0) {
      first = 0;
    }
    if (end <= first) {
      out.length = 0;
      return;
    }
    int from = byteIndexOfChar(in, (int) Math.min(first, Integer.MAX_VALUE));
    int to = end >= Integer.MAX_VALUE ? in.length : byteIndexOfChar(in, (int) end);
    out.set(in.bytes, in.offset + from, Math.max(0, to - from));
  }

  public static void left(StringValue in, long n, StringValue out) {
    int chars = charLength(in);
    long take = n >= 0 ? Math.min(n, chars) : Math.max(0, chars + n);
    int to = byteIndexOfChar(in, (int) take);
    out.set(in.bytes, in.offset, to);
  }

  public static void right(StringValue in, long n, StringValue out) {
    int chars = charLength(in);
    long skip = n >= 0 ? Math.max(0, chars - n) : Math.min(chars, -n);
    int from = byteIndexOfChar(in, (int) skip);
    out.set(in.bytes, in.offset + from, in.length - from);
  }

  /** TRIM: side is "BOTH", "LEADING" or "TRAILING"; characters is the set to remove. */
  public static void trim(StringValue in, StringValue characters, String side, StringValue out) {
    String text = in.toString();
    String set = characters.toString();
    int start = 0;
    int end = text.length();
    if (!side.equals("TRAILING")) {
      while (start < end && set.indexOf(text.charAt(start)) >= 0) {
        start++;
      }
    }
    if (!side.equals("LEADING")) {
      while (end > start && set.indexOf(text.charAt(end - 1)) >= 0) {
        end--;
      }
    }
    if (isAscii(in)) {
      out.set(in.bytes, in.offset + start, end - start);
    } else {
      out.set(text.substring(start, end));
    }
  }

  public static void replace(StringValue in, StringValue search, StringValue replacement,
      StringValue out) {
    if (search.length == 0) {
      out.set(in.bytes, in.offset, in.length);
      return;
    }
    out.set(in.toString().replace(search.toString(), replacement.toString()));
  }

  /** 1-based character position of needle in haystack, 0 when absent. */
  public static int position(StringValue needle, StringValue haystack) {
    if (needle.length == 0) {
      return 1;
    }
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack.bytes[haystack.offset + i + j] != needle.bytes[needle.offset + j]) {
          continue outer;
        }
      }
      int chars = 0;
      for (int k = 0; k < i; k++) {
        if ((haystack.bytes[haystack.offset + k] & 0xC0) != 0x80) {
          chars++;
        }
      }
      return chars + 1;
    }
    return 0;
  }

  public static void pad(StringValue in, long length, StringValue fill, boolean left,
      StringValue out) {
    String text = in.toString();
    String filler = fill.toString();
    int target = (int) Math.max(0, Math.min(length, 10_000_000));
    int have = text.codePointCount(0, text.length());
    if (have >= target) {
      out.set(text.substring(0, text.offsetByCodePoints(0, target)));
      return;
    }
    if (filler.isEmpty()) {
      out.set(text);
      return;
    }
    StringBuilder padding = new StringBuilder();
    while (padding.codePointCount(0, padding.length()) < target - have) {
      padding.append(filler);
    }
    String pad = padding.substring(0, padding.offsetByCodePoints(0, target - have));
    out.set(left ? pad + text : text + pad);
  }

  /** quote_ident: in double quotes (inner ones doubled) unless it is a plain lower-case name. */
  public static void quoteIdent(StringValue in, StringValue out) {
    boolean plain = in.length > 0;
    for (int i = 0; i < in.length && plain; i++) {
      byte c = in.byteAt(i);
      plain = c >= 'a' && c <= 'z' || c == '_' || i > 0 && (c >= '0' && c <= '9' || c == '$');
    }
    if (plain) {
      out.set(in.bytes, in.offset, in.length);
      return;
    }
    out.set('"' + in.toString().replace("\"", "\"\"") + '"');
  }

  /**
   * quote_literal: in single quotes, inner ones doubled; with backslashes doubled and an E
   * prefix when there are any, as PostgreSQL writes it.
   */
  public static void quoteLiteral(StringValue in, StringValue out) {
    String text = in.toString();
    String quoted = "'" + text.replace("'", "''").replace("\\", "\\\\") + "'";
    out.set(text.indexOf('\\') >= 0 ? "E" + quoted : quoted);
  }

  public static void reverse(StringValue in, StringValue out) {
    out.set(new StringBuilder(in.toString()).reverse().toString());
  }

  public static void repeat(StringValue in, long count, StringValue out) {
    if (count <= 0 || in.length == 0) {
      out.length = 0;
      return;
    }
    long total = in.length * count;
    if (total > (1 << 30)) {
      throw new ExaException(SqlState.INVALID_PARAMETER_VALUE, "requested length too large");
    }
    byte[] target = out.reserve((int) total);
    for (int i = 0; i < count; i++) {
      System.arraycopy(in.bytes, in.offset, target, i * in.length, in.length);
    }
    out.length = (int) total;
  }

  public static void splitPart(StringValue in, StringValue delimiter, long field,
      StringValue out) {
    if (field == 0) {
      throw new ExaException(SqlState.INVALID_PARAMETER_VALUE,
          "field position must not be zero");
    }
    String text = in.toString();
    String separator = delimiter.toString();
    java.util.List<String> parts = new java.util.ArrayList<>();
    if (separator.isEmpty()) {
      parts.add(text);
    } else {
      int from = 0;
      int at;
      while ((at = text.indexOf(separator, from)) >= 0) {
        parts.add(text.substring(from, at));
        from = at + separator.length();
      }
      parts.add(text.substring(from));
    }
    long index = field > 0 ? field - 1 : parts.size() + field;
    out.set(index >= 0 && index < parts.size() ? parts.get((int) index) : "");
  }

  /** CHAR(n) semantics: pad with spaces to n characters, or cut to n. */
  public static void padToLength(StringValue in, int length, StringValue out) {
    int chars = charLength(in);
    if (chars >= length) {
      int to = byteIndexOfChar(in, length);
      out.set(in.bytes, in.offset, to);
      return;
    }
    byte[] target = out.reserve(in.length + (length - chars));
    System.arraycopy(in.bytes, in.offset, target, 0, in.length);
    java.util.Arrays.fill(target, in.length, in.length + (length - chars), (byte) ' ');
    out.length = in.length + (length - chars);
  }

  /** Cuts to at most length characters (an explicit cast to VARCHAR(n)). */
  public static void truncate(StringValue in, int length, StringValue out) {
    int to = byteIndexOfChar(in, length);
    out.set(in.bytes, in.offset, to);
  }

  /** Fails unless the value fits in length characters, ignoring trailing spaces (assignment). */
  public static void checkLength(StringValue in, int length, String typeName, StringValue out) {
    int chars = charLength(in);
    if (chars > length) {
      int trimmed = in.length;
      while (trimmed > 0 && in.bytes[in.offset + trimmed - 1] == ' ') {
        trimmed--;
      }
      int excess = in.length - trimmed;
      if (chars - excess > length) {
        throw new ExaException(SqlState.STRING_DATA_RIGHT_TRUNCATION,
            "value too long for type " + typeName + "(" + length + ")");
      }
      truncate(in, length, out);
      return;
    }
    out.set(in.bytes, in.offset, in.length);
  }

  public static void rtrimSpaces(StringValue in, StringValue out) {
    int length = trimmedLength(in);
    out.set(in.bytes, in.offset, length);
  }

  public static String text(StringValue value) {
    return new String(value.bytes, value.offset, value.length, StandardCharsets.UTF_8);
  }

  /**
   * pg_size_pretty: bytes below 10 kB, else the largest unit (kB, MB, GB, TB, PB) that keeps
   * the rounded number below 20480, as PostgreSQL rounds it (half away from zero).
   */
  public static String sizePretty(long bytes) {
    if (Math.abs(bytes) < 10 * 1024) {
      return bytes + " bytes";
    }
    String[] units = {"kB", "MB", "GB", "TB", "PB"};
    long size = bytes / 512;
    int unit = 0;
    while (unit < units.length - 1 && Math.abs(size) >= 20 * 1024 - 1) {
      size /= 1024;
      unit++;
    }
    return (size + (size < 0 ? -1 : 1)) / 2 + " " + units[unit];
  }
}
