package io.exapg.wire;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.core.type.Calendar;
import io.exapg.core.type.DataType;
import io.exapg.core.type.TextFormat;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/** Decodes Bind parameter values, text or binary, into the engine's value representation. */
final class ParameterDecoder {
  private ParameterDecoder() {
  }

  static Object decode(ByteBuf value, boolean binary, DataType type) {
    if (value == null) {
      return null;
    }
    if (!binary) {
      String text = value.toString(StandardCharsets.UTF_8);
      return type.isString() ? text : TextFormat.parse(text, type);
    }
    int length = value.readableBytes();
    return switch (type.id()) {
      case BOOLEAN -> {
        expect(length, 1, type);
        yield value.readByte() != 0;
      }
      case SMALLINT -> {
        expect(length, 2, type);
        yield (int) value.readShort();
      }
      case INTEGER -> switch (length) {
        case 2 -> (int) value.readShort();
        case 4 -> value.readInt();
        default -> throw invalid(type);
      };
      case BIGINT -> switch (length) {
        case 2 -> (long) value.readShort();
        case 4 -> (long) value.readInt();
        case 8 -> value.readLong();
        default -> throw invalid(type);
      };
      case REAL -> {
        expect(length, 4, type);
        yield value.readFloat();
      }
      case DOUBLE -> switch (length) {
        case 4 -> (double) value.readFloat();
        case 8 -> value.readDouble();
        default -> throw invalid(type);
      };
      case DECIMAL -> TextFormat.fromBigDecimal(NumericBinary.read(value), type.precision(),
          type.scale());
      case VARCHAR, CHAR -> value.toString(StandardCharsets.UTF_8);
      case ARRAY -> ArrayBinary.read(value, type);
      case UUID -> UuidBinary.read(value);
      case BYTEA -> {
        byte[] bytes = new byte[length];
        value.readBytes(bytes);
        yield bytes;
      }
      case DATE -> {
        expect(length, 4, type);
        yield value.readInt() + Calendar.POSTGRES_EPOCH_DAY;
      }
      case TIMESTAMP -> {
        expect(length, 8, type);
        yield value.readLong() + Calendar.POSTGRES_EPOCH_DAY * Calendar.MICROS_PER_DAY;
      }
    };
  }

  private static void expect(int length, int expected, DataType type) {
    if (length != expected) {
      throw invalid(type);
    }
  }

  private static ExaException invalid(DataType type) {
    return new ExaException(SqlState.INVALID_BINARY_REPRESENTATION,
        "incorrect binary data format in bind parameter of type " + type.shortName());
  }
}
