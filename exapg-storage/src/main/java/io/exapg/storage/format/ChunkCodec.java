package io.exapg.storage.format;

import com.github.luben.zstd.Zstd;
import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.core.type.DataType;
import io.exapg.core.type.PhysicalType;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Encodes a range of a column's rows into a chunk payload and back. The encoder picks, per
 * chunk, the smallest of constant, frame-of-reference bit-packing, dictionary and plain, and
 * compresses the payload with zstd when that saves at least a tenth. Layout:
 * docs/storage-format.md.
 */
public final class ChunkCodec {
  private static final int MAX_DICTIONARY_ENTRIES = 1 << 16;
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
        zoneMap = doubleZone(data, from, count, nullCount);
        rawBytes = (long) count * physical.byteWidth();
      }
      case VARBINARY -> {
        encoding = encodeStrings(data, from, count, out);
        zoneMap = stringZone(data, from, count, nullCount);
        rawBytes = data.offsets()[from + count] - data.offsets()[from] + 4L * count;
      }
      default -> {
        long[] values = nonNullFilled(data, from, count);
        encoding = encodeLongs(values, count, out, nullCount == count);
        zoneMap = longZone(data, from, count, nullCount);
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

  private static Encoding encodeLongs(long[] values, int count, ByteWriter out, boolean allNull) {
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int k = 0; k < count; k++) {
      min = Math.min(min, values[k]);
      max = Math.max(max, values[k]);
    }
    if (count == 0 || allNull || min == max) {
      out.u64(count == 0 ? 0 : min);
      return Encoding.CONSTANT;
    }
    // Read as unsigned, max - min always fits in 64 bits, and min + offset wraps back exactly.
    long range = max - min;
    int forBits = range < 0 ? 64 : BitPacking.bitsFor(range);
    long[] dictionary = distinctSorted(values, count);
    if (dictionary != null) {
      int codeBits = BitPacking.bitsFor(dictionary.length - 1);
      long dictionaryCost = (long) dictionary.length * forBits + (long) count * codeBits;
      if (dictionaryCost < (long) count * forBits * 0.9) {
        long[] codes = new long[count];
        for (int k = 0; k < count; k++) {
          codes[k] = Arrays.binarySearch(dictionary, values[k]);
        }
        long[] offsetsFromMin = new long[dictionary.length];
        for (int d = 0; d < dictionary.length; d++) {
          offsetsFromMin[d] = dictionary[d] - min;
        }
        out.u32(dictionary.length).u64(min).u8(forBits);
        out.bytes(BitPacking.pack(offsetsFromMin, 0, dictionary.length, forBits));
        out.u8(codeBits);
        out.bytes(BitPacking.pack(codes, 0, count, codeBits));
        return Encoding.DICTIONARY;
      }
    }
    if (range < 0) {
      for (int k = 0; k < count; k++) {
        out.u64(values[k]);
      }
      return Encoding.PLAIN;
    }
    long[] deltas = new long[count];
    for (int k = 0; k < count; k++) {
      deltas[k] = values[k] - min;
    }
    out.u64(min).u8(forBits);
    out.bytes(BitPacking.pack(deltas, 0, count, forBits));
    return Encoding.FRAME_OF_REFERENCE;
  }

  /** The distinct values in order, or null when there are too many for a dictionary. */
  private static long[] distinctSorted(long[] values, int count) {
    int limit = Math.min(4096, Math.max(2, count / 4));
    long[] sorted = Arrays.copyOf(values, count);
    Arrays.sort(sorted);
    int distinct = 0;
    for (int k = 0; k < count; k++) {
      if (k == 0 || sorted[k] != sorted[k - 1]) {
        sorted[distinct++] = sorted[k];
        if (distinct > limit) {
          return null;
        }
      }
    }
    return Arrays.copyOf(sorted, distinct);
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

  /** A string as a map key. */
  private record Key(byte[] bytes) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Key key && Arrays.equals(bytes, key.bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }
  }

  private static Encoding encodeStrings(ColumnData data, int from, int count, ByteWriter out) {
    int[] offsets = data.offsets();
    byte[] bytes = data.bytes();
    int limit = Math.min(MAX_DICTIONARY_ENTRIES, Math.max(2, count / 2));
    Map<Key, Integer> distinct = new HashMap<>();
    for (int k = 0; k < count && distinct.size() <= limit; k++) {
      int row = from + k;
      if (!data.isNull(row)) {
        distinct.putIfAbsent(new Key(Arrays.copyOfRange(bytes, offsets[row], offsets[row + 1])),
            0);
      }
    }
    if (distinct.size() <= 1) {
      byte[] value = distinct.isEmpty() ? new byte[0] : distinct.keySet().iterator().next().bytes;
      out.block(value);
      return Encoding.CONSTANT;
    }
    if (distinct.size() <= limit) {
      Key[] dictionary = distinct.keySet().toArray(new Key[0]);
      Arrays.sort(dictionary, (a, b) -> Arrays.compareUnsigned(a.bytes, b.bytes));
      for (int d = 0; d < dictionary.length; d++) {
        distinct.put(dictionary[d], d);
      }
      long[] lengths = new long[dictionary.length];
      ByteWriter dictionaryBytes = new ByteWriter(1024);
      for (int d = 0; d < dictionary.length; d++) {
        lengths[d] = dictionary[d].bytes.length;
        dictionaryBytes.bytes(dictionary[d].bytes);
      }
      out.u32(dictionary.length);
      writePackedLengths(lengths, dictionary.length, out);
      out.block(dictionaryBytes.toByteArray());
      long[] codes = new long[count];
      for (int k = 0; k < count; k++) {
        int row = from + k;
        codes[k] = data.isNull(row) ? 0 : distinct.get(new Key(Arrays.copyOfRange(bytes,
            offsets[row], offsets[row + 1])));
      }
      int codeBits = BitPacking.bitsFor(dictionary.length - 1);
      out.u8(codeBits);
      out.bytes(BitPacking.pack(codes, 0, count, codeBits));
      return Encoding.DICTIONARY;
    }
    long[] lengths = new long[count];
    for (int k = 0; k < count; k++) {
      int row = from + k;
      lengths[k] = data.isNull(row) ? 0 : offsets[row + 1] - offsets[row];
    }
    writePackedLengths(lengths, count, out);
    int total = offsets[from + count] - offsets[from];
    out.u32(total);
    for (int k = 0; k < count; k++) {
      int row = from + k;
      if (!data.isNull(row)) {
        out.bytes(bytes, offsets[row], offsets[row + 1] - offsets[row]);
      }
    }
    return Encoding.PLAIN;
  }

  private static void writePackedLengths(long[] lengths, int count, ByteWriter out) {
    long min = Long.MAX_VALUE;
    long max = 0;
    for (int k = 0; k < count; k++) {
      min = Math.min(min, lengths[k]);
      max = Math.max(max, lengths[k]);
    }
    if (count == 0) {
      min = 0;
    }
    int bits = BitPacking.bitsFor(max - min);
    long[] deltas = new long[count];
    for (int k = 0; k < count; k++) {
      deltas[k] = lengths[k] - min;
    }
    out.u64(min).u8(bits);
    out.bytes(BitPacking.pack(deltas, 0, count, bits));
  }

  private static ZoneMap longZone(ColumnData data, int from, int count, int nullCount) {
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    long[] values = data.longs();
    for (int k = 0; k < count; k++) {
      if (!data.isNull(from + k)) {
        min = Math.min(min, values[from + k]);
        max = Math.max(max, values[from + k]);
      }
    }
    return ZoneMap.ofLongs(count, nullCount, min, max);
  }

  private static ZoneMap doubleZone(ColumnData data, int from, int count, int nullCount) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    boolean nan = false;
    double[] values = data.doubles();
    for (int k = 0; k < count; k++) {
      if (!data.isNull(from + k)) {
        double v = values[from + k];
        nan |= Double.isNaN(v);
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    return ZoneMap.ofDoubles(count, nullCount, !nan, min, max);
  }

  private static ZoneMap stringZone(ColumnData data, int from, int count, int nullCount) {
    byte[] bytes = data.bytes();
    int[] offsets = data.offsets();
    int minRow = -1;
    int maxRow = -1;
    for (int k = 0; k < count; k++) {
      int row = from + k;
      if (data.isNull(row)) {
        continue;
      }
      if (minRow < 0 || Arrays.compareUnsigned(bytes, offsets[row], offsets[row + 1], bytes,
          offsets[minRow], offsets[minRow + 1]) < 0) {
        minRow = row;
      }
      if (maxRow < 0 || Arrays.compareUnsigned(bytes, offsets[row], offsets[row + 1], bytes,
          offsets[maxRow], offsets[maxRow + 1]) > 0) {
        maxRow = row;
      }
    }
    if (minRow < 0) {
      return ZoneMap.ofBytes(count, nullCount, null, null);
    }
    return ZoneMap.ofBytes(count, nullCount,
        Arrays.copyOfRange(bytes, offsets[minRow], offsets[minRow + 1]),
        Arrays.copyOfRange(bytes, offsets[maxRow], offsets[maxRow + 1]));
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
  }

  /** Decodes a stored chunk into scratch arrays, returned as a view valid until next use. */
  public static ColumnData decode(byte[] stored, Encoding encoding, boolean compressed,
      int payloadLength, DataType type, int rows, Scratch scratch) {
    byte[] payload = stored;
    if (compressed) {
      try {
        payload = Zstd.decompress(stored, payloadLength);
      } catch (RuntimeException e) {
        throw new ExaException(SqlState.DATA_CORRUPTED,
            "corrupt data: cannot decompress chunk: " + e.getMessage(), e);
      }
      if (payload.length != payloadLength) {
        throw new ExaException(SqlState.DATA_CORRUPTED, "corrupt data: chunk size mismatch");
      }
    }
    scratch.ensure(rows);
    ByteReader in = new ByteReader(payload);
    boolean hasNulls = in.u8() != 0;
    boolean[] nulls = scratch.nulls;
    if (hasNulls) {
      int start = in.skip((rows + 7) / 8);
      for (int k = 0; k < rows; k++) {
        nulls[k] = (payload[start + (k >> 3)] & (1 << (k & 7))) == 0;
      }
    } else {
      Arrays.fill(nulls, 0, rows, false);
    }
    switch (type.physical()) {
      case FLOAT32, FLOAT64 -> {
        decodeDoubles(in, encoding, rows, type.physical() == PhysicalType.FLOAT32,
            scratch.doubles);
        return new ColumnData(type, rows, null, scratch.doubles, null, null, nulls);
      }
      case VARBINARY -> {
        decodeStrings(in, encoding, rows, nulls, scratch);
        return new ColumnData(type, rows, null, null, scratch.bytes, scratch.offsets, nulls);
      }
      default -> {
        decodeLongs(in, encoding, rows, scratch);
        return new ColumnData(type, rows, scratch.longs, null, null, null, nulls);
      }
    }
  }

  private static void decodeLongs(ByteReader in, Encoding encoding, int rows, Scratch scratch) {
    long[] out = scratch.longs;
    switch (encoding) {
      case CONSTANT -> Arrays.fill(out, 0, rows, in.u64());
      case PLAIN -> {
        for (int k = 0; k < rows; k++) {
          out[k] = in.u64();
        }
      }
      case FRAME_OF_REFERENCE -> {
        long base = in.u64();
        int bits = in.u8();
        int start = in.skip(BitPacking.packedLength(rows, bits) + 1);
        BitPacking.unpack(in.array(), start, rows, bits, base, out);
      }
      case DICTIONARY -> {
        int size = in.u32();
        long base = in.u64();
        int bits = in.u8();
        long[] dictionary = new long[size];
        int start = in.skip(BitPacking.packedLength(size, bits) + 1);
        BitPacking.unpack(in.array(), start, size, bits, base, dictionary);
        int codeBits = in.u8();
        int codeStart = in.skip(BitPacking.packedLength(rows, codeBits) + 1);
        long[] codes = scratch.codes;
        BitPacking.unpack(in.array(), codeStart, rows, codeBits, 0, codes);
        for (int k = 0; k < rows; k++) {
          int code = (int) codes[k];
          if (code < 0 || code >= size) {
            throw new ExaException(SqlState.DATA_CORRUPTED, "corrupt data: dictionary code");
          }
          out[k] = dictionary[code];
        }
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

  private static long[] readPackedLengths(ByteReader in, int count) {
    long base = in.u64();
    int bits = in.u8();
    long[] lengths = new long[count];
    int start = in.skip(BitPacking.packedLength(count, bits) + 1);
    BitPacking.unpack(in.array(), start, count, bits, base, lengths);
    return lengths;
  }

  private static void decodeStrings(ByteReader in, Encoding encoding, int rows, boolean[] nulls,
      Scratch scratch) {
    int[] offsets = scratch.offsets;
    switch (encoding) {
      case CONSTANT -> {
        byte[] value = in.block();
        byte[] bytes = ensureBytes(scratch, (long) value.length * rows);
        int position = 0;
        offsets[0] = 0;
        for (int k = 0; k < rows; k++) {
          if (!nulls[k]) {
            System.arraycopy(value, 0, bytes, position, value.length);
            position += value.length;
          }
          offsets[k + 1] = position;
        }
      }
      case PLAIN -> {
        long[] lengths = readPackedLengths(in, rows);
        int total = in.u32();
        int start = in.skip(total);
        byte[] bytes = ensureBytes(scratch, total);
        System.arraycopy(in.array(), start, bytes, 0, total);
        offsets[0] = 0;
        for (int k = 0; k < rows; k++) {
          offsets[k + 1] = offsets[k] + (int) lengths[k];
        }
        if (offsets[rows] != total) {
          throw new ExaException(SqlState.DATA_CORRUPTED, "corrupt data: string lengths");
        }
      }
      case DICTIONARY -> {
        int size = in.u32();
        long[] lengths = readPackedLengths(in, size);
        byte[] dictionary = in.block();
        int[] starts = new int[size + 1];
        for (int d = 0; d < size; d++) {
          starts[d + 1] = starts[d] + (int) lengths[d];
        }
        int codeBits = in.u8();
        int codeStart = in.skip(BitPacking.packedLength(rows, codeBits) + 1);
        long[] codes = scratch.codes;
        BitPacking.unpack(in.array(), codeStart, rows, codeBits, 0, codes);
        long total = 0;
        for (int k = 0; k < rows; k++) {
          int code = (int) codes[k];
          if (code < 0 || code >= size) {
            throw new ExaException(SqlState.DATA_CORRUPTED, "corrupt data: dictionary code");
          }
          if (!nulls[k]) {
            total += lengths[code];
          }
        }
        byte[] bytes = ensureBytes(scratch, total);
        int position = 0;
        offsets[0] = 0;
        for (int k = 0; k < rows; k++) {
          if (!nulls[k]) {
            int code = (int) codes[k];
            int length = starts[code + 1] - starts[code];
            System.arraycopy(dictionary, starts[code], bytes, position, length);
            position += length;
          }
          offsets[k + 1] = position;
        }
      }
      default -> throw new ExaException(SqlState.DATA_CORRUPTED,
          "corrupt data: encoding " + encoding + " for strings");
    }
  }

  private static byte[] ensureBytes(Scratch scratch, long needed) {
    if (needed > Integer.MAX_VALUE - 16) {
      throw new ExaException(SqlState.DATA_CORRUPTED, "corrupt data: chunk too large");
    }
    if (scratch.bytes.length < needed) {
      scratch.bytes = new byte[(int) Math.max(needed, scratch.bytes.length * 2L)];
    }
    return scratch.bytes;
  }
}
