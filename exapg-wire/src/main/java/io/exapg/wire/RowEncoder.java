package io.exapg.wire;

import io.exapg.core.batch.Batch;
import io.exapg.core.batch.Vectors;
import io.exapg.core.type.ByteaText;
import io.exapg.core.type.Calendar;
import io.exapg.core.type.DataType;
import io.exapg.core.type.PhysicalType;
import io.exapg.core.type.TextFormat;
import io.exapg.core.type.TypeId;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/**
 * Encodes result rows as DataRow messages straight from the Arrow vectors, in text or binary
 * format per column: 'D' int16 column count, then per value int32 length (-1 for NULL) and the
 * bytes. Numbers and dates are formatted into a scratch array, so nothing is allocated per
 * value except for floating point text.
 */
final class RowEncoder {
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private final List<DataType> types;
  private final boolean[] binary;
  private final byte[] scratch = new byte[TextFormat.MAX_FIXED_WIDTH_TEXT];

  RowEncoder(List<DataType> types, short[] formats) {
    this.types = types;
    this.binary = new boolean[types.size()];
    for (int c = 0; c < binary.length; c++) {
      binary[c] = formats != null && formats[c] == 1;
    }
  }

  /** Writes the DataRow of live row j of the batch. */
  void writeRow(Batch batch, int j, ByteBuf out) {
    int start = out.writerIndex();
    out.writeByte('D');
    out.writeInt(0);
    out.writeShort(types.size());
    int row = batch.row(j);
    for (int c = 0; c < types.size(); c++) {
      FieldVector vector = batch.column(c);
      if (vector.getNullCount() > 0
          && BitVectorHelper.get(vector.getValidityBuffer(), row) == 0) {
        out.writeInt(-1);
        continue;
      }
      if (binary[c]) {
        writeBinary(types.get(c), vector, row, out);
      } else {
        writeText(types.get(c), vector, row, out);
      }
    }
    out.setInt(start + 1, out.writerIndex() - start - 1);
  }

  private void writeText(DataType type, FieldVector vector, int row, ByteBuf out) {
    if (type.isVectorForm()) {
      byte[] shown = TextFormat.toText(Vectors.string(vector, row), type)
          .getBytes(StandardCharsets.UTF_8);
      out.writeInt(shown.length).writeBytes(shown);
      return;
    }
    if (type.id() == TypeId.BYTEA) {
      writeHex(vector, row, out);
      return;
    }
    if (type.physical() == PhysicalType.VARBINARY) {
      writeString(vector, row, out);
      return;
    }
    int length = TextFormat.writeValue(type, vector, row, scratch);
    out.writeInt(length);
    out.writeBytes(scratch, 0, length);
  }

  private static void writeString(FieldVector vector, int row, ByteBuf out) {
    ArrowBuf offsets = vector.getOffsetBuffer();
    int start = offsets.getInt((long) row << 2);
    int end = offsets.getInt(((long) row + 1) << 2);
    out.writeInt(end - start);
    if (end > start) {
      out.writeBytes(vector.getDataBuffer().nioBuffer(start, end - start));
    }
  }

  /** bytea in the hex output form, written digit by digit into the message. */
  private static void writeHex(FieldVector vector, int row, ByteBuf out) {
    ArrowBuf offsets = vector.getOffsetBuffer();
    int start = offsets.getInt((long) row << 2);
    int end = offsets.getInt(((long) row + 1) << 2);
    ArrowBuf data = vector.getDataBuffer();
    out.writeInt(ByteaText.hexOutputLength(end - start));
    out.writeByte('\\').writeByte('x');
    for (int i = start; i < end; i++) {
      int b = data.getByte(i);
      out.writeByte(HEX[(b >> 4) & 0xF]).writeByte(HEX[b & 0xF]);
    }
  }

  private static void writeBinary(DataType type, FieldVector vector, int row, ByteBuf out) {
    ArrowBuf data = vector.getDataBuffer();
    switch (type.id()) {
      case BOOLEAN -> {
        out.writeInt(1);
        out.writeByte(BitVectorHelper.get(data, row));
      }
      case SMALLINT -> {
        out.writeInt(2);
        out.writeShort(data.getShort((long) row << 1));
      }
      case INTEGER -> {
        out.writeInt(4);
        out.writeInt(data.getInt((long) row << 2));
      }
      case BIGINT -> {
        out.writeInt(8);
        out.writeLong(data.getLong((long) row << 3));
      }
      case REAL -> {
        out.writeInt(4);
        out.writeFloat(data.getFloat((long) row << 2));
      }
      case DOUBLE -> {
        out.writeInt(8);
        out.writeDouble(data.getDouble((long) row << 3));
      }
      case DATE -> {
        out.writeInt(4);
        out.writeInt(data.getInt((long) row << 2) - Calendar.POSTGRES_EPOCH_DAY);
      }
      case TIMESTAMP -> {
        out.writeInt(8);
        out.writeLong(data.getLong((long) row << 3)
            - Calendar.POSTGRES_EPOCH_DAY * Calendar.MICROS_PER_DAY);
      }
      case DECIMAL -> {
        int lengthAt = out.writerIndex();
        out.writeInt(0);
        NumericBinary.write(out, data.getLong((long) row << 3), type.scale());
        out.setInt(lengthAt, out.writerIndex() - lengthAt - 4);
      }
      case VARCHAR, CHAR, BYTEA -> writeString(vector, row, out);
      case ARRAY -> ArrayBinary.write(type, Vectors.string(vector, row), out);
      case UUID -> UuidBinary.write(Vectors.string(vector, row), out);
    }
  }
}
