package io.exapg.core.type;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Arithmetic on decimals held as longs scaled by a power of ten. */
public final class Decimals {
  private static final long[] POWERS_OF_TEN = new long[19];

  static {
    long p = 1;
    for (int i = 0; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = p;
      p *= 10;
    }
  }

  private Decimals() {
  }

  public static long powerOfTen(int exponent) {
    if (exponent < 0 || exponent >= POWERS_OF_TEN.length) {
      throw overflow();
    }
    return POWERS_OF_TEN[exponent];
  }

  /** Changes the scale of an unscaled value, rounding half away from zero as PostgreSQL does. */
  public static long rescale(long unscaled, int fromScale, int toScale) {
    if (toScale == fromScale) {
      return unscaled;
    }
    if (toScale > fromScale) {
      return multiplyExact(unscaled, powerOfTen(toScale - fromScale));
    }
    return divideRoundHalfUp(unscaled, powerOfTen(fromScale - toScale));
  }

  /** a / b rounded half away from zero; b must not be zero. */
  public static long divideRoundHalfUp(long a, long b) {
    long quotient = a / b;
    long remainder = a % b;
    if (remainder != 0) {
      long twiceRemainder = Math.abs(remainder) * 2;
      if (twiceRemainder < 0 || twiceRemainder >= Math.abs(b)) {
        quotient += (a < 0) == (b < 0) ? 1 : -1;
      }
    }
    return quotient;
  }

  public static long multiplyExact(long a, long b) {
    long high = Math.multiplyHigh(a, b);
    long low = a * b;
    if ((high == 0 && low >= 0) || (high == -1 && low < 0)) {
      return low;
    }
    throw overflow();
  }

  public static long addExact(long a, long b) {
    long r = a + b;
    if (((a ^ r) & (b ^ r)) < 0) {
      throw overflow();
    }
    return r;
  }

  public static long subtractExact(long a, long b) {
    long r = a - b;
    if (((a ^ b) & (a ^ r)) < 0) {
      throw overflow();
    }
    return r;
  }

  /**
   * (a scaled sa) / (b scaled sb) as a value scaled by resultScale, rounded half away from
   * zero; falls back to BigDecimal only when the scaled dividend does not fit in a long.
   */
  public static long divide(long a, int sa, long b, int sb, int resultScale) {
    if (b == 0) {
      throw divisionByZero();
    }
    int shift = resultScale - sa + sb;
    if (shift >= 0 && shift < 19) {
      long factor = POWERS_OF_TEN[shift];
      long high = Math.multiplyHigh(a, factor);
      long low = a * factor;
      if ((high == 0 && low >= 0) || (high == -1 && low < 0)) {
        return divideRoundHalfUp(low, b);
      }
    }
    BigDecimal result = BigDecimal.valueOf(a, sa)
        .divide(BigDecimal.valueOf(b, sb), resultScale, RoundingMode.HALF_UP);
    return toUnscaled(result);
  }

  public static long toUnscaled(BigDecimal value) {
    try {
      return value.unscaledValue().longValueExact();
    } catch (ArithmeticException e) {
      throw overflow();
    }
  }

  /** Checks that an unscaled value has at most precision digits. */
  public static long checkPrecision(long unscaled, int precision, int scale) {
    if (precision < 19 && Math.abs(unscaled) >= POWERS_OF_TEN[precision] && unscaled != 0) {
      throw new ExaException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "numeric field overflow", 0,
          "A field with precision " + precision + ", scale " + scale
              + " must round to an absolute value less than 10^" + (precision - scale) + ".",
          null, null);
    }
    return unscaled;
  }

  public static BigDecimal toBigDecimal(long unscaled, int scale) {
    return BigDecimal.valueOf(unscaled, scale);
  }

  public static ExaException overflow() {
    return new ExaException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "numeric value out of range");
  }

  public static ExaException divisionByZero() {
    return new ExaException(SqlState.DIVISION_BY_ZERO, "division by zero");
  }
}
