package io.exapg.wire;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.netty.buffer.ByteBuf;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * PostgreSQL's binary NUMERIC: int16 digit count, int16 weight (of the first digit, in base
 * 10000 groups from the decimal point), int16 sign (0 positive, 0x4000 negative), int16 display
 * scale, then the base-10000 digits.
 */
final class NumericBinary {
  private static final int POSITIVE = 0x0000;
  private static final int NEGATIVE = 0x4000;
  private static final int NAN = 0xC000;

  private NumericBinary() {
  }

  static void write(ByteBuf out, long unscaled, int scale) {
    String digits = BigInteger.valueOf(unscaled).abs().toString();
    if (digits.length() <= scale) {
      digits = "0".repeat(scale - digits.length() + 1) + digits;
    }
    String integerPart = digits.substring(0, digits.length() - scale);
    String fractionPart = digits.substring(digits.length() - scale);
    int integerGroups = (integerPart.length() + 3) / 4;
    integerPart = "0".repeat(integerGroups * 4 - integerPart.length()) + integerPart;
    int fractionGroups = (fractionPart.length() + 3) / 4;
    fractionPart = fractionPart + "0".repeat(fractionGroups * 4 - fractionPart.length());
    String all = integerPart + fractionPart;
    int groups = integerGroups + fractionGroups;
    int[] values = new int[groups];
    for (int g = 0; g < groups; g++) {
      values[g] = Integer.parseInt(all.substring(g * 4, g * 4 + 4));
    }
    int first = 0;
    while (first < groups && values[first] == 0) {
      first++;
    }
    int last = groups - 1;
    while (last >= first && values[last] == 0) {
      last--;
    }
    int count = last < first ? 0 : last - first + 1;
    int weight = count == 0 ? 0 : integerGroups - 1 - first;
    out.writeShort(count);
    out.writeShort(weight);
    out.writeShort(unscaled < 0 ? NEGATIVE : POSITIVE);
    out.writeShort(scale);
    for (int g = first; g <= last; g++) {
      out.writeShort(values[g]);
    }
  }

  static BigDecimal read(ByteBuf in) {
    if (in.readableBytes() < 8) {
      throw invalid();
    }
    int count = in.readUnsignedShort();
    int weight = in.readShort();
    int sign = in.readUnsignedShort();
    int displayScale = in.readUnsignedShort();
    if (sign == NAN) {
      throw new ExaException(SqlState.FEATURE_NOT_SUPPORTED, "NaN is not a valid numeric here");
    }
    if (in.readableBytes() != count * 2 || (sign != POSITIVE && sign != NEGATIVE)) {
      throw invalid();
    }
    BigDecimal value = BigDecimal.ZERO;
    for (int g = 0; g < count; g++) {
      int digit = in.readUnsignedShort();
      if (digit > 9999) {
        throw invalid();
      }
      value = value.add(BigDecimal.valueOf(digit).scaleByPowerOfTen(4 * (weight - g)));
    }
    value = value.setScale(Math.max(displayScale, 0), java.math.RoundingMode.HALF_UP);
    return sign == NEGATIVE ? value.negate() : value;
  }

  private static ExaException invalid() {
    return new ExaException(SqlState.INVALID_BINARY_REPRESENTATION,
        "invalid binary representation of numeric");
  }
}
