package io.exapg.wire;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.core.type.ArrayText;
import io.exapg.core.type.Calendar;
import io.exapg.core.type.DataType;
import io.exapg.core.type.PgTypeOids;
import io.exapg.core.type.TextFormat;
import io.exapg.core.type.TypeId;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's binary array format: int32 dimensions, int32 has-nulls flag, int32 element type
 * OID, per dimension int32 length and int32 lower bound, then per element int32 length (-1 for
 * NULL) and its binary value.
 */
final class ArrayBinary {
  private ArrayBinary() {
  }

  /** Writes the length-prefixed binary value of an array given in canonical text. */
  static void write(DataType type, String canonical, ByteBuf out) {
    DataType element = type.element();
    List<String> elements = ArrayText.parse(canonical);
    int lengthAt = out.writerIndex();
    out.writeInt(0);
    out.writeInt(elements.isEmpty() ? 0 : 1);
    out.writeInt(elements.contains(null) ? 1 : 0);
    // oidvector's elements are oids, which ExaPG holds as integers
    out.writeInt(type.isVectorForm() && element.id() == TypeId.INTEGER ? PgTypeOids.OID
        : element.pgOid());
    if (!elements.isEmpty()) {
      out.writeInt(elements.size());
      out.writeInt(type.isVectorForm() ? 0 : 1);
    }
    for (String text : elements) {
      if (text == null) {
        out.writeInt(-1);
      } else {
        writeElement(element, TextFormat.parse(text, element), out);
      }
    }
    out.setInt(lengthAt, out.writerIndex() - lengthAt - 4);
  }

  private static void writeElement(DataType type, Object value, ByteBuf out) {
    switch (type.id()) {
      case BOOLEAN -> out.writeInt(1).writeByte((Boolean) value ? 1 : 0);
      case SMALLINT -> out.writeInt(2).writeShort((Integer) value);
      case INTEGER -> out.writeInt(4).writeInt((Integer) value);
      case BIGINT -> out.writeInt(8).writeLong((Long) value);
      case REAL -> out.writeInt(4).writeFloat((Float) value);
      case DOUBLE -> out.writeInt(8).writeDouble((Double) value);
      case DATE -> out.writeInt(4).writeInt((Integer) value - Calendar.POSTGRES_EPOCH_DAY);
      case TIMESTAMP -> out.writeInt(8).writeLong((Long) value
          - Calendar.POSTGRES_EPOCH_DAY * Calendar.MICROS_PER_DAY);
      case DECIMAL -> {
        int lengthAt = out.writerIndex();
        out.writeInt(0);
        NumericBinary.write(out, (Long) value, type.scale());
        out.setInt(lengthAt, out.writerIndex() - lengthAt - 4);
      }
      case VARCHAR, CHAR -> {
        byte[] bytes = ((String) value).getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length).writeBytes(bytes);
      }
      case UUID -> UuidBinary.write((String) value, out);
      case ARRAY -> throw new IllegalStateException("nested array " + type);
    }
  }

  /** Reads a binary array parameter into canonical text. */
  static String read(ByteBuf value, DataType type) {
    int dimensions = value.readInt();
    value.readInt();
    value.readInt();
    if (dimensions > 1) {
      throw new ExaException(SqlState.FEATURE_NOT_SUPPORTED,
          "multidimensional arrays are not supported yet");
    }
    int count = dimensions == 0 ? 0 : value.readInt();
    if (dimensions == 1) {
      value.readInt();
    }
    List<String> elements = new ArrayList<>(count);
    for (int k = 0; k < count; k++) {
      int length = value.readInt();
      if (length < 0) {
        elements.add(null);
      } else {
        Object element = ParameterDecoder.decode(value.readSlice(length), true, type.element());
        elements.add(TextFormat.toText(element, type.element()));
      }
    }
    return ArrayText.format(elements);
  }
}
