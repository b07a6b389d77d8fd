package io.exapg.core.expr.runtime;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.core.type.Decimals;

/** Overflow-checked arithmetic with PostgreSQL's errors, for generated code. */
public final class Arithmetic {
  private Arithmetic() {
  }

  public static ExaException outOfRange(String typeName) {
    return new ExaException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, typeName + " out of range");
  }

  public static ExaException divisionByZero() {
    return Decimals.divisionByZero();
  }

  public static int checkSmallint(int value) {
    if (value < Short.MIN_VALUE || value > Short.MAX_VALUE) {
      throw outOfRange("smallint");
    }
    return value;
  }

  public static int checkSmallint(long value) {
    if (value < Short.MIN_VALUE || value > Short.MAX_VALUE) {
      throw outOfRange("smallint");
    }
    return (int) value;
  }

  public static int checkInteger(long value) {
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw outOfRange("integer");
    }
    return (int) value;
  }

  public static int addInt(int a, int b) {
    int r = a + b;
    if (((a ^ r) & (b ^ r)) < 0) {
      throw outOfRange("integer");
    }
    return r;
  }

  public static int subtractInt(int a, int b) {
    int r = a - b;
    if (((a ^ b) & (a ^ r)) < 0) {
      throw outOfRange("integer");
    }
    return r;
  }

  public static int multiplyInt(int a, int b) {
    long r = (long) a * b;
    if ((int) r != r) {
      throw outOfRange("integer");
    }
    return (int) r;
  }

  public static int divideInt(int a, int b) {
    if (b == 0) {
      throw divisionByZero();
    }
    if (a == Integer.MIN_VALUE && b == -1) {
      throw outOfRange("integer");
    }
    return a / b;
  }

  public static int moduloInt(int a, int b) {
    if (b == 0) {
      throw divisionByZero();
    }
    return b == -1 ? 0 : a % b;
  }

  public static int negateInt(int a) {
    if (a == Integer.MIN_VALUE) {
      throw outOfRange("integer");
    }
    return -a;
  }

  public static long addLong(long a, long b) {
    long r = a + b;
    if (((a ^ r) & (b ^ r)) < 0) {
      throw outOfRange("bigint");
    }
    return r;
  }

  public static long subtractLong(long a, long b) {
    long r = a - b;
    if (((a ^ b) & (a ^ r)) < 0) {
      throw outOfRange("bigint");
    }
    return r;
  }

  public static long multiplyLong(long a, long b) {
    long high = Math.multiplyHigh(a, b);
    long low = a * b;
    if ((high == 0 && low >= 0) || (high == -1 && low < 0)) {
      return low;
    }
    throw outOfRange("bigint");
  }

  public static long divideLong(long a, long b) {
    if (b == 0) {
      throw divisionByZero();
    }
    if (a == Long.MIN_VALUE && b == -1) {
      throw outOfRange("bigint");
    }
    return a / b;
  }

  public static long moduloLong(long a, long b) {
    if (b == 0) {
      throw divisionByZero();
    }
    return b == -1 ? 0 : a % b;
  }

  public static long negateLong(long a) {
    if (a == Long.MIN_VALUE) {
      throw outOfRange("bigint");
    }
    return -a;
  }

  /** Decimal modulo: both operands at the same scale; the remainder keeps that scale. */
  public static long moduloDecimal(long a, long b) {
    if (b == 0) {
      throw divisionByZero();
    }
    return a % b;
  }

  public static double checkDouble(double result, double a, double b) {
    if (Double.isInfinite(result) && !Double.isInfinite(a) && !Double.isInfinite(b)) {
      throw new ExaException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
    }
    return result;
  }

  public static double divideDouble(double a, double b) {
    if (b == 0) {
      throw divisionByZero();
    }
    return checkDouble(a / b, a, b);
  }

  public static float divideFloat(float a, float b) {
    if (b == 0) {
      throw divisionByZero();
    }
    return (float) checkDouble(a / b, a, b);
  }

  public static double moduloDouble(double a, double b) {
    if (b == 0) {
      throw divisionByZero();
    }
    return a % b;
  }

  /** PostgreSQL orders NaN above every other value and equal to itself; -0 equals 0. */
  public static int compareDouble(double a, double b) {
    if (a < b) {
      return -1;
    }
    if (a > b) {
      return 1;
    }
    if (a == b) {
      return 0;
    }
    boolean aNaN = Double.isNaN(a);
    boolean bNaN = Double.isNaN(b);
    return aNaN == bNaN ? 0 : aNaN ? 1 : -1;
  }

  public static double power(double a, double b) {
    if (a == 0 && b < 0) {
      throw new ExaException(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION,
          "zero raised to a negative power is undefined");
    }
    if (a < 0 && b != Math.rint(b)) {
      throw new ExaException(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION,
          "a negative number raised to a non-integer power yields a complex result");
    }
    return checkDouble(Math.pow(a, b), a, b);
  }

  public static double sqrt(double a) {
    if (a < 0) {
      throw new ExaException(SqlState.INVALID_PARAMETER_VALUE,
          "cannot take square root of a negative number");
    }
    return Math.sqrt(a);
  }

  public static double ln(double a) {
    if (a == 0) {
      throw new ExaException(SqlState.INVALID_PARAMETER_VALUE,
          "cannot take logarithm of zero");
    }
    if (a < 0) {
      throw new ExaException(SqlState.INVALID_PARAMETER_VALUE,
          "cannot take logarithm of a negative number");
    }
    return Math.log(a);
  }

  public static double log10(double a) {
    return ln(a) / Math.log(10);
  }

  /** ROUND(decimal, digits) on an unscaled value: round half away from zero at digits. */
  public static long roundDecimal(long unscaled, int scale, long digits) {
    if (digits >= scale) {
      return unscaled;
    }
    int drop = (int) Math.min(18, scale - digits);
    long factor = Decimals.powerOfTen(drop);
    long rounded = Decimals.divideRoundHalfUp(unscaled, factor);
    return Decimals.multiplyExact(rounded, factor);
  }

  public static long truncDecimal(long unscaled, int scale, long digits) {
    if (digits >= scale) {
      return unscaled;
    }
    int drop = (int) Math.min(18, scale - digits);
    long factor = Decimals.powerOfTen(drop);
    return unscaled / factor * factor;
  }

  public static long floorDecimal(long unscaled, int scale) {
    long factor = Decimals.powerOfTen(scale);
    return Math.floorDiv(unscaled, factor) * factor;
  }

  public static long ceilDecimal(long unscaled, int scale) {
    long factor = Decimals.powerOfTen(scale);
    return -Math.floorDiv(-unscaled, factor) * factor;
  }
}
