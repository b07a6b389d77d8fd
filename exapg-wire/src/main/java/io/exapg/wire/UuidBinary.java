package io.exapg.wire;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.netty.buffer.ByteBuf;

/** PostgreSQL's binary uuid: its 16 bytes, from and to the canonical text ExaPG holds. */
final class UuidBinary {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private UuidBinary() {
  }

  /** Writes the length-prefixed 16 bytes of a UUID given as 8-4-4-4-12 text. */
  static void write(String text, ByteBuf out) {
    out.writeInt(16);
    String hex = text.replace("-", "");
    for (int i = 0; i < 32; i += 2) {
      out.writeByte(Character.digit(hex.charAt(i), 16) << 4 | Character.digit(hex.charAt(i + 1),
          16));
    }
  }

  /** The canonical text of a 16-byte binary UUID. */
  static String read(ByteBuf value) {
    if (value.readableBytes() != 16) {
      throw new ExaException(SqlState.INVALID_BINARY_REPRESENTATION,
          "incorrect binary data format in bind parameter of type uuid");
    }
    StringBuilder text = new StringBuilder(36);
    for (int i = 0; i < 16; i++) {
      if (i == 4 || i == 6 || i == 8 || i == 10) {
        text.append('-');
      }
      int b = value.readUnsignedByte();
      text.append(HEX[b >> 4]).append(HEX[b & 15]);
    }
    return text.toString();
  }
}
