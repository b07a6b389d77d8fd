package io.exapg.core.copy;

import io.exapg.core.batch.Batch;
import io.exapg.core.batch.Vectors;
import io.exapg.core.type.ByteaText;
import io.exapg.core.type.DataType;
import io.exapg.core.type.PhysicalType;
import io.exapg.core.type.TextFormat;
import io.exapg.core.type.TypeId;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/**
 * Writes rows as COPY ... TO STDOUT data: text format with backslash escapes, or CSV with
 * quoting where a value needs it. Appends to a growing byte array that the caller drains.
 */
public final class CopyTextWriter {
  private final CopyOptions options;
  private final List<DataType> types;
  private final byte[] scratch = new byte[TextFormat.MAX_FIXED_WIDTH_TEXT];
  private byte[] text = new byte[256];
  private byte[] out = new byte[1 << 16];
  private int length;

  public CopyTextWriter(CopyOptions options, List<DataType> types) {
    this.options = options;
    this.types = types;
  }

  public int length() {
    return length;
  }

  /** The bytes written since the last call, and a fresh start. */
  public byte[] take() {
    byte[] taken = Arrays.copyOf(out, length);
    length = 0;
    return taken;
  }

  /** The header line: the column names, as values. */
  public void writeHeader(List<String> names) {
    for (int c = 0; c < names.size(); c++) {
      if (c > 0) {
        put(options.delimiter());
      }
      byte[] name = names.get(c).getBytes(StandardCharsets.UTF_8);
      value(name, 0, name.length, c, true);
    }
    put((byte) '\n');
  }

  /** Writes the live rows of a batch. */
  public void write(Batch batch) {
    for (int j = 0; j < batch.size(); j++) {
      int row = batch.row(j);
      for (int c = 0; c < types.size(); c++) {
        if (c > 0) {
          put(options.delimiter());
        }
        FieldVector vector = batch.column(c);
        if (vector.getNullCount() > 0
            && BitVectorHelper.get(vector.getValidityBuffer(), row) == 0) {
          putAll(options.nullMarker(), 0, options.nullMarker().length);
          continue;
        }
        DataType type = types.get(c);
        if (type.isVectorForm()) {
          byte[] shown = TextFormat.toText(Vectors.string(vector, row), type)
              .getBytes(StandardCharsets.UTF_8);
          value(shown, 0, shown.length, c, true);
        } else if (type.physical() == PhysicalType.VARBINARY) {
          ArrowBuf offsets = vector.getOffsetBuffer();
          int start = offsets.getInt((long) row << 2);
          int end = offsets.getInt(((long) row + 1) << 2);
          if (text.length < end - start) {
            text = new byte[Math.max(end - start, text.length * 2)];
          }
          vector.getDataBuffer().getBytes(start, text, 0, end - start);
          if (type.id() == TypeId.BYTEA) {
            writeHex(end - start, c);
          } else {
            value(text, 0, end - start, c, true);
          }
        } else {
          int n = TextFormat.writeValue(type, vector, row, scratch);
          value(scratch, 0, n, c, false);
        }
      }
      put((byte) '\n');
    }
  }

  /** The bytea held in text[0, n) in its hex output form. */
  private void writeHex(int n, int column) {
    byte[] hex = new byte[ByteaText.hexOutputLength(n)];
    ByteaText.writeHexOutput(text, 0, n, hex, 0);
    value(hex, 0, hex.length, column, true);
  }

  private void value(byte[] b, int from, int to, int column, boolean string) {
    if (options.csv()) {
      csvValue(b, from, to, column, string);
    } else if (string) {
      textValue(b, from, to);
    } else {
      putAll(b, from, to);
    }
  }

  private void textValue(byte[] b, int from, int to) {
    byte delimiter = options.delimiter();
    for (int i = from; i < to; i++) {
      byte c = b[i];
      byte escaped = switch (c) {
        case '\\' -> '\\';
        case '\n' -> 'n';
        case '\r' -> 'r';
        case '\t' -> 't';
        case '\b' -> 'b';
        case '\f' -> 'f';
        case 0x0B -> 'v';
        default -> c == delimiter ? c : 0;
      };
      if (escaped != 0) {
        put((byte) '\\');
        put(escaped);
      } else {
        put(c);
      }
    }
  }

  private void csvValue(byte[] b, int from, int to, int column, boolean string) {
    byte quote = options.quote();
    byte escape = options.escape();
    boolean quoteIt = options.forceQuote()[column]
        || matches(b, from, to, options.nullMarker())
        || (column == 0 && types.size() == 1 && to - from == 2 && b[from] == '\\'
            && b[from + 1] == '.');
    for (int i = from; i < to && !quoteIt && string; i++) {
      byte c = b[i];
      quoteIt = c == options.delimiter() || c == quote || c == '\n' || c == '\r';
    }
    if (!quoteIt) {
      putAll(b, from, to);
      return;
    }
    put(quote);
    for (int i = from; i < to; i++) {
      byte c = b[i];
      if (c == quote || c == escape) {
        put(escape);
      }
      put(c);
    }
    put(quote);
  }

  private static boolean matches(byte[] b, int from, int to, byte[] marker) {
    return Arrays.equals(b, from, to, marker, 0, marker.length);
  }

  private void put(byte b) {
    if (length == out.length) {
      out = Arrays.copyOf(out, out.length * 2);
    }
    out[length++] = b;
  }

  private void putAll(byte[] b, int from, int to) {
    int n = to - from;
    if (length + n > out.length) {
      out = Arrays.copyOf(out, Math.max(out.length * 2, length + n));
    }
    System.arraycopy(b, from, out, length, n);
    length += n;
  }
}
