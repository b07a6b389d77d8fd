package io.exapg.core.copy;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.core.type.ByteaText;
import io.exapg.core.type.Calendar;
import io.exapg.core.type.DataType;
import io.exapg.core.type.Decimals;
import io.exapg.core.type.TextFormat;
import io.exapg.core.type.TypeId;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Converts the text of one COPY field into a column's type and stores it in the column's
 * vector. The usual spellings (plain integers and decimals, ISO dates and timestamps, ASCII
 * strings) are parsed straight from the bytes; anything else goes through {@link TextFormat},
 * which gives the same results and errors as PostgreSQL's input functions.
 */
final class CopyValueWriter {
  private static final VarHandle EIGHT_BYTES =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  /** The high bit of each of eight bytes: set only in bytes of multi-byte characters. */
  private static final long ASCII_MASK = 0x8080808080808080L;

  /** Where CHAR values are padded with spaces; one writer per parser, so one per thread. */
  private byte[] padded = new byte[64];

  void write(FieldVector vector, DataType type, int row, byte[] b, int from, int to) {
    switch (type.id()) {
      case BOOLEAN -> ((BitVector) vector).set(row, TextFormat.parseBoolean(text(b, from, to))
          ? 1 : 0);
      case SMALLINT -> ((SmallIntVector) vector).set(row,
          (short) integer(b, from, to, Short.MIN_VALUE, Short.MAX_VALUE, type));
      case INTEGER -> ((IntVector) vector).set(row,
          (int) integer(b, from, to, Integer.MIN_VALUE, Integer.MAX_VALUE, type));
      case BIGINT -> ((BigIntVector) vector).set(row,
          integer(b, from, to, Long.MIN_VALUE, Long.MAX_VALUE, type));
      case DECIMAL -> ((BigIntVector) vector).set(row, decimal(b, from, to, type));
      case REAL -> ((Float4Vector) vector).set(row,
          (float) TextFormat.parseDouble(text(b, from, to), type));
      case DOUBLE -> ((Float8Vector) vector).set(row,
          TextFormat.parseDouble(text(b, from, to), type));
      case DATE -> ((DateDayVector) vector).set(row, date(b, from, to));
      case TIMESTAMP -> ((TimeStampMicroVector) vector).set(row, timestamp(b, from, to));
      case VARCHAR, CHAR -> string((VarCharVector) vector, type, row, b, from, to);
      case BYTEA -> {
        byte[] bytes = ByteaText.parse(b, from, to - from);
        ((VarCharVector) vector).setSafe(row, bytes, 0, bytes.length);
      }
      case UUID, ARRAY -> {
        byte[] canonical = ((String) TextFormat.parse(text(b, from, to), type))
            .getBytes(StandardCharsets.UTF_8);
        ((VarCharVector) vector).setSafe(row, canonical, 0, canonical.length);
      }
    }
  }

  private static String text(byte[] b, int from, int to) {
    return new String(b, from, to - from, StandardCharsets.UTF_8);
  }

  private static long integer(byte[] b, int from, int to, long min, long max, DataType type) {
    int i = from;
    boolean negative = false;
    if (i < to && (b[i] == '-' || b[i] == '+')) {
      negative = b[i] == '-';
      i++;
    }
    int digits = to - i;
    if (digits < 1 || digits > 18) {
      return TextFormat.parseInteger(text(b, from, to), min, max, type);
    }
    long value = 0;
    for (; i < to; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        return TextFormat.parseInteger(text(b, from, to), min, max, type);
      }
      value = value * 10 + d;
    }
    value = negative ? -value : value;
    if (value < min || value > max) {
      return TextFormat.parseInteger(text(b, from, to), min, max, type);
    }
    return value;
  }

  /** Plain decimals whose digits fit the type exactly; the rest (rounding, exponents) slowly. */
  private static long decimal(byte[] b, int from, int to, DataType type) {
    int scale = type.scale();
    int i = from;
    boolean negative = false;
    if (i < to && (b[i] == '-' || b[i] == '+')) {
      negative = b[i] == '-';
      i++;
    }
    long unscaled = 0;
    int digits = 0;
    int fraction = -1;
    for (; i < to; i++) {
      byte c = b[i];
      if (c == '.' && fraction < 0) {
        fraction = 0;
        continue;
      }
      int d = c - '0';
      if (d < 0 || d > 9 || digits == 18) {
        return TextFormat.parseDecimal(text(b, from, to), type.precision(), scale);
      }
      unscaled = unscaled * 10 + d;
      digits++;
      if (fraction >= 0) {
        fraction++;
      }
    }
    int fractionDigits = Math.max(fraction, 0);
    if (digits == 0 || fractionDigits > scale || digits - fractionDigits + scale > 18) {
      return TextFormat.parseDecimal(text(b, from, to), type.precision(), scale);
    }
    unscaled *= Decimals.powerOfTen(scale - fractionDigits);
    if (unscaled >= Decimals.powerOfTen(type.precision())) {
      return TextFormat.parseDecimal(text(b, from, to), type.precision(), scale);
    }
    return negative ? -unscaled : unscaled;
  }

  private static int digits(byte[] b, int at, int count) {
    int value = 0;
    for (int k = 0; k < count; k++) {
      int d = b[at + k] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      value = value * 10 + d;
    }
    return value;
  }

  /** Days since 1970-01-01 of a valid yyyy-mm-dd date, or Integer.MIN_VALUE. */
  private static int isoDate(byte[] b, int from, int to) {
    if (to - from < 10 || b[from + 4] != '-' || b[from + 7] != '-') {
      return Integer.MIN_VALUE;
    }
    int year = digits(b, from, 4);
    int month = digits(b, from + 5, 2);
    int day = digits(b, from + 8, 2);
    if (year < 1 || month < 1 || month > 12 || day < 1
        || day > Calendar.daysInMonth(year, month)) {
      return Integer.MIN_VALUE;
    }
    return Calendar.daysFromCivil(year, month, day);
  }

  private static int date(byte[] b, int from, int to) {
    int days = to - from == 10 ? isoDate(b, from, to) : Integer.MIN_VALUE;
    return days != Integer.MIN_VALUE ? days : TextFormat.parseDate(text(b, from, to));
  }

  /** yyyy-mm-dd hh:mm:ss[.f..f] quickly; every other form through the full parser. */
  private static long timestamp(byte[] b, int from, int to) {
    int length = to - from;
    int days = length >= 19 ? isoDate(b, from, from + 10) : Integer.MIN_VALUE;
    if (days == Integer.MIN_VALUE || (b[from + 10] != ' ' && b[from + 10] != 'T')
        || b[from + 13] != ':' || b[from + 16] != ':') {
      return TextFormat.parseTimestamp(text(b, from, to));
    }
    int hour = digits(b, from + 11, 2);
    int minute = digits(b, from + 14, 2);
    int second = digits(b, from + 17, 2);
    long micros = 0;
    int end = from + 19;
    if (end < to) {
      int fractionDigits = to - end - 1;
      int fraction = b[end] == '.' && fractionDigits >= 1 && fractionDigits <= 6
          ? digits(b, end + 1, fractionDigits) : -1;
      if (fraction < 0) {
        return TextFormat.parseTimestamp(text(b, from, to));
      }
      micros = fraction * Decimals.powerOfTen(6 - fractionDigits);
    }
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
      return TextFormat.parseTimestamp(text(b, from, to));
    }
    return days * Calendar.MICROS_PER_DAY + hour * Calendar.MICROS_PER_HOUR
        + minute * Calendar.MICROS_PER_MINUTE + second * Calendar.MICROS_PER_SECOND + micros;
  }

  private void string(VarCharVector vector, DataType type, int row, byte[] b, int from,
      int to) {
    int characters = characters(b, from, to);
    int limit = type.precision();
    if (limit == DataType.UNBOUNDED || characters <= limit) {
      if (type.id() == TypeId.CHAR && characters < limit) {
        int length = to - from + limit - characters;
        if (padded.length < length) {
          padded = new byte[Math.max(length, padded.length * 2)];
        }
        System.arraycopy(b, from, padded, 0, to - from);
        Arrays.fill(padded, to - from, length, (byte) ' ');
        vector.setSafe(row, padded, 0, length);
      } else {
        vector.setSafe(row, b, from, to - from);
      }
      return;
    }
    int end = to;
    int excess = characters - limit;
    while (excess > 0 && end > from && b[end - 1] == ' ') {
      end--;
      excess--;
    }
    if (excess > 0) {
      throw new ExaException(SqlState.STRING_DATA_RIGHT_TRUNCATION, "value too long for type "
          + (type.id() == TypeId.CHAR ? "character" : "character varying") + "(" + limit + ")");
    }
    vector.setSafe(row, b, from, end - from);
  }

  /** The number of characters in valid UTF-8, or 22021 for anything else. */
  private static int characters(byte[] b, int from, int to) {
    // ASCII, 8 bytes at a time: one character per byte, nothing to validate
    int i = from;
    while (i + Long.BYTES <= to && ((long) EIGHT_BYTES.get(b, i) & ASCII_MASK) == 0) {
      i += Long.BYTES;
    }
    while (i < to && b[i] >= 0) {
      i++;
    }
    int count = i - from;
    while (i < to) {
      int c = b[i] & 0xFF;
      int length = c < 0x80 ? 1 : c >= 0xC2 && c < 0xE0 ? 2 : c >= 0xE0 && c < 0xF0 ? 3
          : c >= 0xF0 && c < 0xF5 ? 4 : 0;
      if (length == 0 || i + length > to) {
        throw invalidUtf8(b, i, to);
      }
      for (int k = 1; k < length; k++) {
        if ((b[i + k] & 0xC0) != 0x80) {
          throw invalidUtf8(b, i, to);
        }
      }
      if (length == 3 && ((c == 0xE0 && (b[i + 1] & 0xFF) < 0xA0)
          || (c == 0xED && (b[i + 1] & 0xFF) > 0x9F))
          || length == 4 && ((c == 0xF0 && (b[i + 1] & 0xFF) < 0x90)
          || (c == 0xF4 && (b[i + 1] & 0xFF) > 0x8F))) {
        throw invalidUtf8(b, i, to);
      }
      i += length;
      count++;
    }
    return count;
  }

  private static ExaException invalidUtf8(byte[] b, int at, int to) {
    StringBuilder bytes = new StringBuilder();
    for (int k = at; k < Math.min(to, at + 4); k++) {
      bytes.append(bytes.length() == 0 ? "" : " ").append(String.format("0x%02x", b[k] & 0xFF));
    }
    return new ExaException(SqlState.CHARACTER_NOT_IN_REPERTOIRE,
        "invalid byte sequence for encoding \"UTF8\": " + bytes);
  }
}
