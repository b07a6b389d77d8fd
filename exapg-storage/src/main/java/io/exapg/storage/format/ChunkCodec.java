package io.exapg.storage.format;

import com.github.luben.zstd.Zstd;
import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.core.type.DataType;
import io.exapg.core.type.PhysicalType;
import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Encodes a range of a column's rows into a chunk payload and back: a null bitmap, then the
 * values in the encoding that suits them ({@link LongEncoding}, {@link StringEncoding}, or
 * plain floating point), compressed with zstd when that saves at least a tenth. Layout:
 * docs/storage-format.md.
 */
public final class ChunkCodec {
  private static final int ZSTD_LEVEL = 3;

  private ChunkCodec() {
  }

  // ------------------------------------------------------------------ encoding

  public static EncodedChunk encode(ColumnData data, int from, int count) {
    ByteWriter out = new ByteWriter(count * 2 + 64);
    int nullCount = 0;
    for (int k = 0; k < count; k++) {
      if (data.isNull(from + k)) {
        nullCount++;
      }
    }
    out.u8(nullCount > 0 ? 1 : 0);
    if (nullCount > 0) {
      byte[] bitmap = new byte[(count + 7) / 8];
      for (int k = 0; k < count; k++) {
        if (!data.isNull(from + k)) {
          bitmap[k >> 3] |= (byte) (1 << (k & 7));
        }
      }
      out.bytes(bitmap);
    }
    PhysicalType physical = data.type().physical();
    Encoding encoding;
    ZoneMap zoneMap;
    long rawBytes;
    switch (physical) {
      case FLOAT32, FLOAT64 -> {
        encoding = encodeDoubles(data, from, count, out, physical == PhysicalType.FLOAT32);
        zoneMap = ZoneMaps.doubleZone(data, from, count, nullCount);
        rawBytes = (long) count * physical.byteWidth();
      }
      case VARBINARY -> {
        int[] bounds = new int[2];
        encoding = StringEncoding.encode(data, from, count, out, bounds);
        zoneMap = bounds[0] >= 0 ? ZoneMaps.stringZone(data, bounds[0], bounds[1], count,
            nullCount) : ZoneMaps.stringZone(data, from, count, nullCount);
        rawBytes = data.offsets()[from + count] - data.offsets()[from] + 4L * count;
      }
      default -> {
        encoding = nullCount == 0
            ? LongEncoding.encode(data.longs(), from, count, out, false)
            : LongEncoding.encode(nonNullFilled(data, from, count), 0, count, out,
                nullCount == count);
        zoneMap = ZoneMaps.longZone(data, from, count, nullCount);
        rawBytes = physical == PhysicalType.BIT ? (count + 7) / 8
            : (long) count * physical.byteWidth();
      }
    }
    byte[] payload = out.toByteArray();
    byte[] compressed = Zstd.compress(payload, ZSTD_LEVEL);
    boolean useZstd = compressed.length < payload.length * 0.9;
    return new EncodedChunk(useZstd ? compressed : payload, encoding, useZstd, payload.length,
        zoneMap, rawBytes);
  }

  /** The values of the range, with NULL rows replaced by the first non-null value. */
  private static long[] nonNullFilled(ColumnData data, int from, int count) {
    long[] values = Arrays.copyOfRange(data.longs(), from, from + count);
    long fill = 0;
    for (int k = 0; k < count; k++) {
      if (!data.isNull(from + k)) {
        fill = values[k];
        break;
      }
    }
    for (int k = 0; k < count; k++) {
      if (data.isNull(from + k)) {
        values[k] = fill;
      }
    }
    return values;
  }

  private static Encoding encodeDoubles(ColumnData data, int from, int count, ByteWriter out,
      boolean single) {
    double[] values = data.doubles();
    boolean constant = true;
    for (int k = 1; k < count; k++) {
      if (Double.doubleToRawLongBits(values[from + k])
          != Double.doubleToRawLongBits(values[from])) {
        constant = false;
        break;
      }
    }
    if (count == 0 || constant) {
      out.f64(count == 0 ? 0 : values[from]);
      return Encoding.CONSTANT;
    }
    for (int k = 0; k < count; k++) {
      if (single) {
        out.u32(Float.floatToRawIntBits((float) values[from + k]));
      } else {
        out.f64(values[from + k]);
      }
    }
    return Encoding.PLAIN;
  }

  // ------------------------------------------------------------------ decoding

  /** Reusable arrays for decoding; one per thread. */
  public static final class Scratch {
    long[] longs = new long[0];
    long[] codes = new long[0];
    double[] doubles = new double[0];
    boolean[] nulls = new boolean[0];
    byte[] bytes = new byte[0];
    int[] offsets = new int[1];

    void ensure(int rows) {
      if (nulls.length < rows) {
        longs = new long[rows];
        codes = new long[rows];
        doubles = new double[rows];
        nulls = new boolean[rows];
        offsets = new int[rows + 1];
      }
    }

    byte[] ensureBytes(long needed) {
      if (needed > Integer.MAX_VALUE - 16) {
        throw new ExaException(SqlState.DATA_CORRUPTED, "corrupt data: chunk too large");
      }
      if (bytes.length < needed) {
        bytes = new byte[(int) Math.max(needed, bytes.length * 2L)];
      }
      return bytes;
    }
  }

  private static byte[] payload(byte[] stored, boolean compressed, int payloadLength) {
    if (!compressed) {
      return stored;
    }
    byte[] payload;
    try {
      payload = Zstd.decompress(stored, payloadLength);
    } catch (RuntimeException e) {
      throw new ExaException(SqlState.DATA_CORRUPTED,
          "corrupt data: cannot decompress chunk: " + e.getMessage(), e);
    }
    if (payload.length != payloadLength) {
      throw new ExaException(SqlState.DATA_CORRUPTED, "corrupt data: chunk size mismatch");
    }
    return payload;
  }

  /**
   * Decodes a stored chunk straight into an allocated vector: the null bitmap is Arrow's
   * validity layout already, and values are written into the vector's buffers as they are
   * unpacked.
   */
  public static void decodeInto(byte[] stored, Encoding encoding, boolean compressed,
      int payloadLength, DataType type, int rows, FieldVector vector, Scratch scratch) {
    byte[] payload = payload(stored, compressed, payloadLength);
    scratch.ensure(rows);
    ByteReader in = new ByteReader(payload);
    boolean hasNulls = in.u8() != 0;
    ArrowBuf validity = vector.getValidityBuffer();
    boolean[] nulls = scratch.nulls;
    if (hasNulls) {
      int bytes = (rows + 7) / 8;
      int start = in.skip(bytes);
      validity.setBytes(0, payload, start, bytes);
      for (int k = 0; k < rows; k++) {
        nulls[k] = (payload[start + (k >> 3)] & (1 << (k & 7))) == 0;
      }
    } else {
      validity.setOne(0, (rows + 7) / 8);
      Arrays.fill(nulls, 0, rows, false);
    }
    PhysicalType physical = type.physical();
    switch (physical) {
      case FLOAT32, FLOAT64 -> {
        decodeDoubles(in, encoding, rows, physical == PhysicalType.FLOAT32, scratch.doubles);
        new ColumnData(type, rows, null, scratch.doubles, null, null, nulls)
            .copyTo(vector, 0, rows);
      }
      case VARBINARY -> StringEncoding.decodeInto(in, encoding, rows, nulls,
          (VarCharVector) vector, scratch);
      case BIT -> {
        LongEncoding.decode(in, encoding, rows, scratch.longs, scratch.codes);
        new ColumnData(type, rows, scratch.longs, null, null, null, nulls)
            .copyTo(vector, 0, rows);
      }
      default -> LongEncoding.decodeInto(in, encoding, rows, vector.getDataBuffer(),
          physical.byteWidth(), scratch.longs, scratch.codes);
    }
  }

  /**
   * The dictionary of a dictionary-encoded string chunk, in scratch arrays and valid until
   * their next use, or null for any other chunk.
   */
  public static StringDictionary dictionary(byte[] stored, Encoding encoding,
      boolean compressed, int payloadLength, DataType type, int rows, Scratch scratch) {
    if (encoding != Encoding.DICTIONARY || type.physical() != PhysicalType.VARBINARY) {
      return null;
    }
    byte[] payload = payload(stored, compressed, payloadLength);
    scratch.ensure(rows);
    ByteReader in = new ByteReader(payload);
    boolean[] nulls = readNulls(in, payload, rows, scratch);
    return StringEncoding.readDictionary(in, rows, nulls, scratch.codes);
  }

  private static boolean[] readNulls(ByteReader in, byte[] payload, int rows, Scratch scratch) {
    boolean[] nulls = scratch.nulls;
    if (in.u8() != 0) {
      int start = in.skip((rows + 7) / 8);
      for (int k = 0; k < rows; k++) {
        nulls[k] = (payload[start + (k >> 3)] & (1 << (k & 7))) == 0;
      }
    } else {
      Arrays.fill(nulls, 0, rows, false);
    }
    return nulls;
  }

  /** Decodes a stored chunk into scratch arrays, returned as a view valid until next use. */
  public static ColumnData decode(byte[] stored, Encoding encoding, boolean compressed,
      int payloadLength, DataType type, int rows, Scratch scratch) {
    byte[] payload = payload(stored, compressed, payloadLength);
    scratch.ensure(rows);
    ByteReader in = new ByteReader(payload);
    boolean[] nulls = readNulls(in, payload, rows, scratch);
    switch (type.physical()) {
      case FLOAT32, FLOAT64 -> {
        decodeDoubles(in, encoding, rows, type.physical() == PhysicalType.FLOAT32,
            scratch.doubles);
        return new ColumnData(type, rows, null, scratch.doubles, null, null, nulls);
      }
      case VARBINARY -> {
        StringEncoding.decode(in, encoding, rows, nulls, scratch);
        return new ColumnData(type, rows, null, null, scratch.bytes, scratch.offsets, nulls);
      }
      default -> {
        LongEncoding.decode(in, encoding, rows, scratch.longs, scratch.codes);
        return new ColumnData(type, rows, scratch.longs, null, null, null, nulls);
      }
    }
  }

  private static void decodeDoubles(ByteReader in, Encoding encoding, int rows, boolean single,
      double[] out) {
    if (encoding == Encoding.CONSTANT) {
      Arrays.fill(out, 0, rows, in.f64());
      return;
    }
    for (int k = 0; k < rows; k++) {
      out[k] = single ? Float.intBitsToFloat(in.u32()) : in.f64();
    }
  }
}
