package io.exapg.core.type;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/**
 * PostgreSQL's text representation of values (ISO DateStyle), in both directions. Writers
 * append ASCII into a caller's byte array and return the new position, so that result
 * encoding allocates nothing per value; {@link #MAX_FIXED_WIDTH_TEXT} bytes always suffice
 * for one non-string value.
 */
public final class TextFormat {
  public static final int MAX_FIXED_WIDTH_TEXT = 64;
  private static final byte[] LONG_MIN = "-9223372036854775808".getBytes(StandardCharsets.US_ASCII);

  private TextFormat() {
  }

  public static int writeBoolean(boolean value, byte[] out, int pos) {
    out[pos] = (byte) (value ? 't' : 'f');
    return pos + 1;
  }

  public static int writeLong(long value, byte[] out, int pos) {
    if (value == Long.MIN_VALUE) {
      System.arraycopy(LONG_MIN, 0, out, pos, LONG_MIN.length);
      return pos + LONG_MIN.length;
    }
    if (value < 0) {
      out[pos++] = '-';
      value = -value;
    }
    int digits = digitCount(value);
    int end = pos + digits;
    for (int i = end - 1; i >= pos; i--) {
      out[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    return end;
  }

  private static int digitCount(long value) {
    int digits = 1;
    while (value >= 10) {
      value /= 10;
      digits++;
    }
    return digits;
  }

  public static int writeDecimal(long unscaled, int scale, byte[] out, int pos) {
    if (scale == 0) {
      return writeLong(unscaled, out, pos);
    }
    boolean negative = unscaled < 0;
    if (negative) {
      out[pos++] = '-';
    }
    long divisor = Decimals.powerOfTen(scale);
    long integer = Math.abs(unscaled / divisor);
    long fraction = Math.abs(unscaled % divisor);
    pos = writeLong(integer, out, pos);
    out[pos++] = '.';
    for (int i = pos + scale - 1; i >= pos; i--) {
      out[i] = (byte) ('0' + fraction % 10);
      fraction /= 10;
    }
    return pos + scale;
  }

  public static int writeDouble(double value, byte[] out, int pos) {
    return writeAscii(formatDouble(value), out, pos);
  }

  public static int writeFloat(float value, byte[] out, int pos) {
    return writeAscii(formatFloat(value), out, pos);
  }

  /** float8 as PostgreSQL 12+ prints it: the shortest text that reads back exactly. */
  public static String formatDouble(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Infinity" : "-Infinity";
    }
    return formatShortest(Double.toString(Math.abs(value)), value < 0
        || (value == 0 && 1 / value < 0), 15);
  }

  public static String formatFloat(float value) {
    if (Float.isNaN(value)) {
      return "NaN";
    }
    if (Float.isInfinite(value)) {
      return value > 0 ? "Infinity" : "-Infinity";
    }
    return formatShortest(Float.toString(Math.abs(value)), value < 0
        || (value == 0 && 1 / value < 0), 6);
  }

  /**
   * Reformats Java's shortest round-trip digits the way PostgreSQL's float output does: fixed
   * notation for decimal exponents from -4 up to the type's digit count, else 1.5e+20 style.
   */
  private static String formatShortest(String javaText, boolean negative, int fixedLimit) {
    int e = javaText.indexOf('E');
    String mantissa = e < 0 ? javaText : javaText.substring(0, e);
    int exponent = e < 0 ? 0 : Integer.parseInt(javaText.substring(e + 1));
    int dot = mantissa.indexOf('.');
    String digits = mantissa.substring(0, dot) + mantissa.substring(dot + 1);
    int pointPosition = dot + exponent;
    int lead = 0;
    while (lead < digits.length() - 1 && digits.charAt(lead) == '0') {
      lead++;
      pointPosition--;
    }
    int end = digits.length();
    while (end > lead + 1 && digits.charAt(end - 1) == '0') {
      end--;
    }
    digits = digits.substring(lead, end);
    StringBuilder sb = new StringBuilder(24);
    if (negative) {
      sb.append('-');
    }
    if (digits.equals("0")) {
      return sb.append('0').toString();
    }
    int decimalExponent = pointPosition - 1;
    if (decimalExponent < -4 || decimalExponent >= fixedLimit) {
      sb.append(digits.charAt(0));
      if (digits.length() > 1) {
        sb.append('.').append(digits, 1, digits.length());
      }
      sb.append('e').append(decimalExponent < 0 ? '-' : '+');
      int absExponent = Math.abs(decimalExponent);
      if (absExponent < 10) {
        sb.append('0');
      }
      return sb.append(absExponent).toString();
    }
    if (pointPosition <= 0) {
      sb.append("0.");
      sb.append("0".repeat(-pointPosition));
      sb.append(digits);
    } else if (pointPosition >= digits.length()) {
      sb.append(digits);
      sb.append("0".repeat(pointPosition - digits.length()));
    } else {
      sb.append(digits, 0, pointPosition).append('.').append(digits, pointPosition,
          digits.length());
    }
    return sb.toString();
  }

  private static int writeAscii(String text, byte[] out, int pos) {
    for (int i = 0; i < text.length(); i++) {
      out[pos++] = (byte) text.charAt(i);
    }
    return pos;
  }

  public static int writeDate(int days, byte[] out, int pos) {
    int year = Calendar.year(days);
    int month = Calendar.month(days);
    int day = Calendar.dayOfMonth(days);
    boolean bc = year <= 0;
    pos = writeYear(bc ? 1 - year : year, out, pos);
    out[pos++] = '-';
    pos = writeTwoDigits(month, out, pos);
    out[pos++] = '-';
    pos = writeTwoDigits(day, out, pos);
    if (bc) {
      out[pos++] = ' ';
      out[pos++] = 'B';
      out[pos++] = 'C';
    }
    return pos;
  }

  public static int writeTimestamp(long micros, byte[] out, int pos) {
    int days = Calendar.dayOf(micros);
    long timeOfDay = Calendar.microsOfDay(micros);
    int year = Calendar.year(days);
    boolean bc = year <= 0;
    pos = writeYear(bc ? 1 - year : year, out, pos);
    out[pos++] = '-';
    pos = writeTwoDigits(Calendar.month(days), out, pos);
    out[pos++] = '-';
    pos = writeTwoDigits(Calendar.dayOfMonth(days), out, pos);
    out[pos++] = ' ';
    pos = writeTime(timeOfDay, out, pos);
    if (bc) {
      out[pos++] = ' ';
      out[pos++] = 'B';
      out[pos++] = 'C';
    }
    return pos;
  }

  /** HH:MM:SS[.ffffff] with trailing zeros of the fraction removed. */
  public static int writeTime(long microsOfDay, byte[] out, int pos) {
    int hours = (int) (microsOfDay / Calendar.MICROS_PER_HOUR);
    int minutes = (int) (microsOfDay / Calendar.MICROS_PER_MINUTE % 60);
    int seconds = (int) (microsOfDay / Calendar.MICROS_PER_SECOND % 60);
    int fraction = (int) (microsOfDay % Calendar.MICROS_PER_SECOND);
    pos = writeTwoDigits(hours, out, pos);
    out[pos++] = ':';
    pos = writeTwoDigits(minutes, out, pos);
    out[pos++] = ':';
    pos = writeTwoDigits(seconds, out, pos);
    if (fraction != 0) {
      out[pos++] = '.';
      int digits = 6;
      while (fraction % 10 == 0) {
        fraction /= 10;
        digits--;
      }
      for (int i = pos + digits - 1; i >= pos; i--) {
        out[i] = (byte) ('0' + fraction % 10);
        fraction /= 10;
      }
      pos += digits;
    }
    return pos;
  }

  private static int writeYear(int year, byte[] out, int pos) {
    if (year >= 1000) {
      return writeLong(year, out, pos);
    }
    out[pos++] = (byte) ('0' + year / 1000);
    out[pos++] = (byte) ('0' + year / 100 % 10);
    out[pos++] = (byte) ('0' + year / 10 % 10);
    out[pos++] = (byte) ('0' + year % 10);
    return pos;
  }

  private static int writeTwoDigits(int value, byte[] out, int pos) {
    out[pos] = (byte) ('0' + value / 10);
    out[pos + 1] = (byte) ('0' + value % 10);
    return pos + 2;
  }

  /**
   * Writes the text of a non-null value of a fixed-width type straight from its vector into
   * out[0..]; returns the length. Strings are not handled here.
   */
  public static int writeValue(DataType type, FieldVector vector, int row, byte[] out) {
    ArrowBuf data = vector.getDataBuffer();
    return switch (type.id()) {
      case BOOLEAN -> writeBoolean(BitVectorHelper.get(data, row) != 0, out, 0);
      case SMALLINT -> writeLong(data.getShort((long) row << 1), out, 0);
      case INTEGER -> writeLong(data.getInt((long) row << 2), out, 0);
      case BIGINT -> writeLong(data.getLong((long) row << 3), out, 0);
      case DECIMAL -> writeDecimal(data.getLong((long) row << 3), type.scale(), out, 0);
      case REAL -> writeFloat(data.getFloat((long) row << 2), out, 0);
      case DOUBLE -> writeDouble(data.getDouble((long) row << 3), out, 0);
      case DATE -> writeDate(data.getInt((long) row << 2), out, 0);
      case TIMESTAMP -> writeTimestamp(data.getLong((long) row << 3), out, 0);
      case VARCHAR, CHAR, ARRAY, UUID, BYTEA ->
          throw new IllegalStateException("not fixed-width: " + type);
    };
  }

  /** The text of a value given in its physical Java representation; null stays null. */
  public static String toText(Object value, DataType type) {
    if (value == null) {
      return null;
    }
    if (type.isString()) {
      return (String) value;
    }
    if (type.isArray()) {
      return ArrayText.display((String) value, type);
    }
    if (type.id() == TypeId.UUID) {
      return (String) value;
    }
    if (type.id() == TypeId.BYTEA) {
      return ByteaText.format((byte[]) value);
    }
    byte[] buffer = new byte[MAX_FIXED_WIDTH_TEXT];
    int length = switch (type.id()) {
      case BOOLEAN -> writeBoolean((Boolean) value, buffer, 0);
      case SMALLINT, INTEGER -> writeLong(((Number) value).longValue(), buffer, 0);
      case BIGINT -> writeLong((Long) value, buffer, 0);
      case DECIMAL -> writeDecimal((Long) value, type.scale(), buffer, 0);
      case REAL -> writeFloat((Float) value, buffer, 0);
      case DOUBLE -> writeDouble((Double) value, buffer, 0);
      case DATE -> writeDate((Integer) value, buffer, 0);
      case TIMESTAMP -> writeTimestamp((Long) value, buffer, 0);
      case VARCHAR, CHAR, ARRAY, UUID, BYTEA -> throw new IllegalStateException();
    };
    return new String(buffer, 0, length, StandardCharsets.US_ASCII);
  }

  /** Parses PostgreSQL text input into the physical Java representation of the type. */
  public static Object parse(String text, DataType type) {
    return switch (type.id()) {
      case BOOLEAN -> parseBoolean(text);
      case SMALLINT -> (int) parseInteger(text, Short.MIN_VALUE, Short.MAX_VALUE, type);
      case INTEGER -> (int) parseInteger(text, Integer.MIN_VALUE, Integer.MAX_VALUE, type);
      case BIGINT -> parseInteger(text, Long.MIN_VALUE, Long.MAX_VALUE, type);
      case DECIMAL -> parseDecimal(text, type.precision(), type.scale());
      case REAL -> (float) parseDouble(text, type);
      case DOUBLE -> parseDouble(text, type);
      case VARCHAR, CHAR -> text;
      case ARRAY -> ArrayText.canonical(text, type);
      case UUID -> parseUuid(text);
      case BYTEA -> ByteaText.parse(text);
      case DATE -> parseDate(text);
      case TIMESTAMP -> parseTimestamp(text);
    };
  }

  /**
   * A UUID in PostgreSQL's input forms (32 hex digits, upper or lower case, optionally in
   * braces, a hyphen after any group of four digits) as lower-case 8-4-4-4-12 text.
   */
  public static String parseUuid(String text) {
    String digits = text.strip();
    if (digits.startsWith("{") && digits.endsWith("}")) {
      digits = digits.substring(1, digits.length() - 1);
    }
    StringBuilder hex = new StringBuilder(32);
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (Character.digit(c, 16) >= 0 && c < 128) {
        hex.append(Character.toLowerCase(c));
      } else if (c != '-' || hex.length() % 4 != 0 || hex.isEmpty() || i + 1 == digits.length()
          || digits.charAt(i + 1) == '-') {
        throw invalidSyntax("uuid", text);
      }
    }
    if (hex.length() != 32) {
      throw invalidSyntax("uuid", text);
    }
    return hex.substring(0, 8) + '-' + hex.substring(8, 12) + '-' + hex.substring(12, 16) + '-'
        + hex.substring(16, 20) + '-' + hex.substring(20);
  }

  public static boolean parseBoolean(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "t", "true", "y", "yes", "on", "1" -> true;
      case "f", "false", "n", "no", "off", "0" -> false;
      default -> throw invalidSyntax("boolean", text);
    };
  }

  public static long parseInteger(String text, long min, long max, DataType type) {
    String t = text.trim();
    int i = 0;
    boolean negative = false;
    if (i < t.length() && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
      negative = t.charAt(i) == '-';
      i++;
    }
    if (i == t.length()) {
      throw invalidSyntax(type.shortName(), text);
    }
    long value = 0;
    boolean overflow = false;
    for (; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        throw invalidSyntax(type.shortName(), text);
      }
      if (!overflow) {
        long next = value * 10 - (c - '0');
        if (value < Long.MIN_VALUE / 10 || next > value) {
          overflow = true;
        } else {
          value = next;
        }
      }
    }
    if (!overflow && !negative) {
      if (value == Long.MIN_VALUE) {
        overflow = true;
      } else {
        value = -value;
      }
    }
    if (overflow || value < min || value > max) {
      throw new ExaException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
          "value \"" + text + "\" is out of range for type " + type.shortName());
    }
    return value;
  }

  public static long parseDecimal(String text, int precision, int scale) {
    BigDecimal value;
    try {
      value = new BigDecimal(text.trim());
    } catch (NumberFormatException e) {
      throw invalidSyntax("numeric", text);
    }
    return fromBigDecimal(value, precision, scale);
  }

  /** A BigDecimal rounded to the scale and checked against the precision. */
  public static long fromBigDecimal(BigDecimal value, int precision, int scale) {
    BigDecimal rounded = value.setScale(scale, RoundingMode.HALF_UP);
    if (rounded.precision() - rounded.scale() > precision - scale && rounded.signum() != 0) {
      throw new ExaException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "numeric field overflow", 0,
          "A field with precision " + precision + ", scale " + scale
              + " must round to an absolute value less than 10^" + (precision - scale) + ".",
          null, null);
    }
    return Decimals.toUnscaled(rounded);
  }

  public static double parseDouble(String text, DataType type) {
    String t = text.trim();
    switch (t.toLowerCase(Locale.ROOT)) {
      case "nan":
        return Double.NaN;
      case "infinity", "+infinity", "inf", "+inf":
        return Double.POSITIVE_INFINITY;
      case "-infinity", "-inf":
        return Double.NEGATIVE_INFINITY;
      default:
        break;
    }
    if (t.isEmpty() || !Character.isDigit(t.charAt(t.length() - 1)) && t.charAt(t.length() - 1)
        != '.') {
      throw invalidSyntax(type.shortName(), text);
    }
    double value;
    try {
      value = Double.parseDouble(t);
    } catch (NumberFormatException e) {
      throw invalidSyntax(type.shortName(), text);
    }
    if (Double.isInfinite(value)
        || type.id() == TypeId.REAL && Float.isInfinite((float) value)) {
      throw new ExaException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
          "\"" + text + "\" is out of range for type " + type.shortName());
    }
    return value;
  }

  public static int parseDate(String text) {
    DateTimeParser parser = new DateTimeParser(text, "date");
    return parser.parseDate();
  }

  public static long parseTimestamp(String text) {
    DateTimeParser parser = new DateTimeParser(text, "timestamp");
    return parser.parseTimestamp();
  }

  static ExaException invalidSyntax(String typeName, String text) {
    return new ExaException(SqlState.INVALID_TEXT_REPRESENTATION,
        "invalid input syntax for type " + typeName + ": \"" + text + "\"");
  }
}
