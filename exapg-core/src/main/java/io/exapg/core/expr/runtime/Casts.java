package io.exapg.core.expr.runtime;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.core.type.Calendar;
import io.exapg.core.type.DataType;
import io.exapg.core.type.Decimals;
import io.exapg.core.type.TextFormat;
import io.exapg.core.type.TypeId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/** Conversions between types, with PostgreSQL's rounding and errors, for generated code. */
public final class Casts {
  private static final double[] POWERS_OF_TEN_DOUBLE = new double[19];

  static {
    double p = 1;
    for (int i = 0; i < POWERS_OF_TEN_DOUBLE.length; i++) {
      POWERS_OF_TEN_DOUBLE[i] = p;
      p *= 10;
    }
  }

  private Casts() {
  }

  public static double decimalToDouble(long unscaled, int scale) {
    return scale == 0 ? (double) unscaled : unscaled / POWERS_OF_TEN_DOUBLE[scale];
  }

  /** float to numeric through the value's shortest decimal text, as PostgreSQL does. */
  public static long doubleToDecimal(double value, int precision, int scale) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new ExaException(SqlState.FEATURE_NOT_SUPPORTED,
          "cannot convert " + TextFormat.formatDouble(value) + " to numeric");
    }
    return TextFormat.fromBigDecimal(new BigDecimal(Double.toString(value)), precision, scale);
  }

  public static long floatToDecimal(float value, int precision, int scale) {
    if (Float.isNaN(value) || Float.isInfinite(value)) {
      throw new ExaException(SqlState.FEATURE_NOT_SUPPORTED,
          "cannot convert " + TextFormat.formatFloat(value) + " to numeric");
    }
    return TextFormat.fromBigDecimal(new BigDecimal(Float.toString(value)), precision, scale);
  }

  /** Integer or decimal value to DECIMAL(precision, scale). */
  public static long toDecimal(long unscaled, int fromScale, int precision, int scale) {
    return Decimals.checkPrecision(Decimals.rescale(unscaled, fromScale, scale), precision,
        scale);
  }

  /** Decimal to an integer type: round half away from zero, then check the range. */
  public static long decimalToLong(long unscaled, int scale) {
    return Decimals.rescale(unscaled, scale, 0);
  }

  /** float to integer: round half to even (rint), then check the range. */
  public static long doubleToLong(double value, String typeName) {
    double rounded = Math.rint(value);
    if (Double.isNaN(rounded) || rounded < -9.223372036854775808E18
        || rounded >= 9.223372036854775808E18) {
      throw Arithmetic.outOfRange(typeName);
    }
    return (long) rounded;
  }

  public static float doubleToFloat(double value) {
    float result = (float) value;
    if (Float.isInfinite(result) && !Double.isInfinite(value)) {
      throw new ExaException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
          "value out of range: overflow");
    }
    if (result == 0 && value != 0) {
      throw new ExaException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
          "value out of range: underflow");
    }
    return result;
  }

  public static int timestampToDate(long micros) {
    return Calendar.dayOf(micros);
  }

  public static long dateToTimestamp(int days) {
    return days * Calendar.MICROS_PER_DAY;
  }

  public static void longToText(long value, StringValue out) {
    byte[] target = out.reserve(TextFormat.MAX_FIXED_WIDTH_TEXT);
    out.length = TextFormat.writeLong(value, target, 0);
  }

  public static void decimalToText(long unscaled, int scale, StringValue out) {
    byte[] target = out.reserve(TextFormat.MAX_FIXED_WIDTH_TEXT);
    out.length = TextFormat.writeDecimal(unscaled, scale, target, 0);
  }

  public static void doubleToText(double value, StringValue out) {
    byte[] target = out.reserve(TextFormat.MAX_FIXED_WIDTH_TEXT);
    out.length = TextFormat.writeDouble(value, target, 0);
  }

  public static void floatToText(float value, StringValue out) {
    byte[] target = out.reserve(TextFormat.MAX_FIXED_WIDTH_TEXT);
    out.length = TextFormat.writeFloat(value, target, 0);
  }

  public static void booleanToText(boolean value, StringValue out) {
    out.set(value ? "true" : "false");
  }

  public static void dateToText(int days, StringValue out) {
    byte[] target = out.reserve(TextFormat.MAX_FIXED_WIDTH_TEXT);
    out.length = TextFormat.writeDate(days, target, 0);
  }

  public static void timestampToText(long micros, StringValue out) {
    byte[] target = out.reserve(TextFormat.MAX_FIXED_WIDTH_TEXT);
    out.length = TextFormat.writeTimestamp(micros, target, 0);
  }

  private static String text(StringValue value) {
    return new String(value.bytes, value.offset, value.length, StandardCharsets.UTF_8);
  }

  public static boolean textToBoolean(StringValue value) {
    return TextFormat.parseBoolean(text(value));
  }

  public static long textToLong(StringValue value, int typeIdOrdinal) {
    TypeId id = TypeId.values()[typeIdOrdinal];
    DataType type = new DataType(id, 0, 0);
    long min = id == TypeId.SMALLINT ? Short.MIN_VALUE
        : id == TypeId.INTEGER ? Integer.MIN_VALUE : Long.MIN_VALUE;
    long max = id == TypeId.SMALLINT ? Short.MAX_VALUE
        : id == TypeId.INTEGER ? Integer.MAX_VALUE : Long.MAX_VALUE;
    return TextFormat.parseInteger(text(value), min, max, type);
  }

  public static long textToDecimal(StringValue value, int precision, int scale) {
    return TextFormat.parseDecimal(text(value), precision, scale);
  }

  public static double textToDouble(StringValue value) {
    return TextFormat.parseDouble(text(value), DataType.DOUBLE);
  }

  public static float textToFloat(StringValue value) {
    return (float) TextFormat.parseDouble(text(value), DataType.REAL);
  }

  public static int textToDate(StringValue value) {
    return TextFormat.parseDate(text(value));
  }

  public static long textToTimestamp(StringValue value) {
    return TextFormat.parseTimestamp(text(value));
  }

  /** Rounds a timestamp to fewer fractional digits. */
  public static long roundTimestamp(long micros, int precision) {
    if (precision >= 6) {
      return micros;
    }
    long factor = Decimals.powerOfTen(6 - precision);
    return Math.floorDiv(micros + factor / 2, factor) * factor;
  }

  public static BigDecimal bigDecimal(long unscaled, int scale) {
    return BigDecimal.valueOf(unscaled, scale).setScale(scale, RoundingMode.UNNECESSARY);
  }
}
