package io.exapg.core.expr.runtime;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.core.type.ByteaText;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/** bytea functions for generated expression code, on raw bytes held in StringValues. */
public final class Bytes {
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private Bytes() {
  }

  /** bytea to text: the hex output form. */
  public static void toText(StringValue value, StringValue out) {
    byte[] target = out.reserve(ByteaText.hexOutputLength(value.length));
    out.length = ByteaText.writeHexOutput(value.bytes, value.offset, value.length, target, 0);
  }

  /** text to bytea: bytea input (hex or escape format). */
  public static void fromText(StringValue text, StringValue out) {
    out.set(ByteaText.parse(text.bytes, text.offset, text.length));
  }

  public static void encode(StringValue value, StringValue format, StringValue out) {
    out.set(ByteaText.encode(value.bytes, value.offset, value.length, format.toString()));
  }

  public static void decode(StringValue text, StringValue format, StringValue out) {
    out.set(ByteaText.decode(text.bytes, text.offset, text.length, format.toString()));
  }

  /** substring(bytes FROM start [FOR count]) with SQL's 1-based positions. */
  public static void substring(StringValue value, long start, long count, boolean hasCount,
      StringValue out) {
    if (hasCount && count < 0) {
      throw new ExaException(SqlState.SUBSTRING_ERROR, "negative substring length not allowed");
    }
    long from = Math.max(start, 1);
    long to = hasCount ? Math.min(start + count, (long) value.length + 1) : value.length + 1L;
    if (to <= from) {
      out.length = 0;
      return;
    }
    out.set(value.bytes, value.offset + (int) from - 1, (int) (to - from));
  }

  /** position(needle IN haystack): 1-based byte position, 0 when absent. */
  public static int position(StringValue needle, StringValue haystack) {
    int last = haystack.length - needle.length;
    for (int i = 0; i <= last; i++) {
      if (Arrays.equals(haystack.bytes, haystack.offset + i, haystack.offset + i + needle.length,
          needle.bytes, needle.offset, needle.offset + needle.length)) {
        return i + 1;
      }
    }
    return 0;
  }

  /** get_byte(bytes, n) with a 0-based n. */
  public static int getByte(StringValue value, long n) {
    if (n < 0 || n >= value.length) {
      throw new ExaException(SqlState.ARRAY_SUBSCRIPT_ERROR,
          "index " + n + " out of valid range, 0.." + (value.length - 1));
    }
    return value.bytes[value.offset + (int) n] & 0xFF;
  }

  /** md5(): the digest as 32 lower-case hex digits. */
  public static void md5Hex(StringValue value, StringValue out) {
    byte[] digest = digest("MD5", value);
    byte[] target = out.reserve(2 * digest.length);
    for (int i = 0; i < digest.length; i++) {
      target[2 * i] = HEX[(digest[i] >> 4) & 0xF];
      target[2 * i + 1] = HEX[digest[i] & 0xF];
    }
    out.length = 2 * digest.length;
  }

  /** sha224/256/384/512(): the digest as bytea; algorithm is a JDK name such as "SHA-256". */
  public static void sha(String algorithm, StringValue value, StringValue out) {
    out.set(digest(algorithm, value));
  }

  private static byte[] digest(String algorithm, StringValue value) {
    try {
      MessageDigest digest = MessageDigest.getInstance(algorithm);
      digest.update(value.bytes, value.offset, value.length);
      return digest.digest();
    } catch (NoSuchAlgorithmException e) {
      throw ExaException.internal("the JDK lacks " + algorithm, e);
    }
  }
}
