package io.exapg.core.type;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

/**
 * PostgreSQL's text forms of bytea: output in the hex format ({@code \x} and two lower-case
 * digits per byte, bytea_output = hex), input in the hex or the escape format, and the
 * hex/base64/escape encodings of encode() and decode().
 */
public final class ByteaText {
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final int BASE64_LINE = 76;

  private ByteaText() {
  }

  /** Bytes of the hex output form of length bytes. */
  public static int hexOutputLength(int length) {
    return 2 + 2 * length;
  }

  /** Writes {@code \x} and the hex digits of source[offset, offset + length) at out[pos]. */
  public static int writeHexOutput(byte[] source, int offset, int length, byte[] out, int pos) {
    out[pos++] = '\\';
    out[pos++] = 'x';
    return writeHex(source, offset, length, out, pos);
  }

  private static int writeHex(byte[] source, int offset, int length, byte[] out, int pos) {
    for (int i = offset; i < offset + length; i++) {
      out[pos++] = HEX[(source[i] >> 4) & 0xF];
      out[pos++] = HEX[source[i] & 0xF];
    }
    return pos;
  }

  /** The hex output form of a whole value. */
  public static String format(byte[] value) {
    byte[] out = new byte[hexOutputLength(value.length)];
    writeHexOutput(value, 0, value.length, out, 0);
    return new String(out, StandardCharsets.US_ASCII);
  }

  /** Parses bytea input: {@code \x} then hex digits, else the escape format. */
  public static byte[] parse(byte[] text, int offset, int length) {
    if (length >= 2 && text[offset] == '\\' && text[offset + 1] == 'x') {
      return decodeHex(text, offset + 2, length - 2);
    }
    return decodeEscape(text, offset, length);
  }

  public static byte[] parse(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return parse(bytes, 0, bytes.length);
  }

  /** Hex digits in pairs; whitespace may stand between pairs. */
  public static byte[] decodeHex(byte[] text, int offset, int length) {
    byte[] out = new byte[length / 2];
    int n = 0;
    int end = offset + length;
    int i = offset;
    while (i < end) {
      byte c = text[i];
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
        i++;
        continue;
      }
      int high = hexDigit(text, i);
      if (i + 1 >= end) {
        throw new ExaException(SqlState.INVALID_PARAMETER_VALUE,
            "invalid hexadecimal data: odd number of digits");
      }
      int low = hexDigit(text, i + 1);
      out[n++] = (byte) (high << 4 | low);
      i += 2;
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  private static int hexDigit(byte[] text, int i) {
    int d = Character.digit(text[i], 16);
    if (d < 0 || text[i] < 0) {
      throw new ExaException(SqlState.INVALID_PARAMETER_VALUE,
          "invalid hexadecimal digit: \"" + character(text, i) + "\"");
    }
    return d;
  }

  private static String character(byte[] text, int i) {
    int length = 1;
    if ((text[i] & 0xE0) == 0xC0) {
      length = 2;
    } else if ((text[i] & 0xF0) == 0xE0) {
      length = 3;
    } else if ((text[i] & 0xF8) == 0xF0) {
      length = 4;
    }
    return new String(text, i, Math.min(length, text.length - i), StandardCharsets.UTF_8);
  }

  /** The escape format: {@code \\} is a backslash, {@code \ooo} an octal byte. */
  public static byte[] decodeEscape(byte[] text, int offset, int length) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(length);
    int end = offset + length;
    int i = offset;
    while (i < end) {
      byte c = text[i];
      if (c != '\\') {
        out.write(c);
        i++;
      } else if (i + 1 < end && text[i + 1] == '\\') {
        out.write('\\');
        i += 2;
      } else if (i + 3 < end && isOctal(text[i + 1], '3') && isOctal(text[i + 2], '7')
          && isOctal(text[i + 3], '7')) {
        out.write((text[i + 1] - '0') << 6 | (text[i + 2] - '0') << 3 | (text[i + 3] - '0'));
        i += 4;
      } else {
        throw new ExaException(SqlState.INVALID_TEXT_REPRESENTATION,
            "invalid input syntax for type bytea");
      }
    }
    return out.toByteArray();
  }

  private static boolean isOctal(byte c, char highest) {
    return c >= '0' && c <= highest;
  }

  /** encode(bytes, format) for the formats hex, base64 and escape. */
  public static String encode(byte[] source, int offset, int length, String format) {
    switch (format.toLowerCase(Locale.ROOT)) {
      case "hex" -> {
        byte[] out = new byte[2 * length];
        writeHex(source, offset, length, out, 0);
        return new String(out, StandardCharsets.US_ASCII);
      }
      case "base64" -> {
        String plain = Base64.getEncoder().encodeToString(
            Arrays.copyOfRange(source, offset, offset + length));
        StringBuilder lines = new StringBuilder(plain.length() + plain.length() / BASE64_LINE);
        for (int i = 0; i < plain.length(); i += BASE64_LINE) {
          if (i > 0) {
            lines.append('\n');
          }
          lines.append(plain, i, Math.min(plain.length(), i + BASE64_LINE));
        }
        return lines.toString();
      }
      case "escape" -> {
        StringBuilder text = new StringBuilder(length);
        for (int i = offset; i < offset + length; i++) {
          int b = source[i] & 0xFF;
          if (b == '\\') {
            text.append("\\\\");
          } else if (b == 0 || b >= 0x80) {
            text.append('\\').append((char) ('0' + (b >> 6))).append((char) ('0' + (b >> 3 & 7)))
                .append((char) ('0' + (b & 7)));
          } else {
            text.append((char) b);
          }
        }
        return text.toString();
      }
      default -> throw unknownEncoding(format);
    }
  }

  /** decode(text, format) for the formats hex, base64 and escape. */
  public static byte[] decode(byte[] text, int offset, int length, String format) {
    return switch (format.toLowerCase(Locale.ROOT)) {
      case "hex" -> decodeHex(text, offset, length);
      case "base64" -> decodeBase64(text, offset, length);
      case "escape" -> decodeEscape(text, offset, length);
      default -> throw unknownEncoding(format);
    };
  }

  private static byte[] decodeBase64(byte[] text, int offset, int length) {
    ByteArrayOutputStream compact = new ByteArrayOutputStream(length);
    for (int i = offset; i < offset + length; i++) {
      byte c = text[i];
      if (c != ' ' && c != '\n' && c != '\t' && c != '\r') {
        compact.write(c);
      }
    }
    try {
      return Base64.getDecoder().decode(compact.toByteArray());
    } catch (IllegalArgumentException e) {
      throw new ExaException(SqlState.INVALID_PARAMETER_VALUE,
          "invalid base64 data: " + e.getMessage());
    }
  }

  private static ExaException unknownEncoding(String format) {
    return new ExaException(SqlState.INVALID_PARAMETER_VALUE,
        "unrecognized encoding: \"" + format + "\"");
  }
}
