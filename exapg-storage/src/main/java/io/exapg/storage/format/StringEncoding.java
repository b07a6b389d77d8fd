package io.exapg.storage.format;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.VarCharVector;

/**
 * Encodings of strings: constant, dictionary (sorted entries, bit-packed codes) when few
 * distinct values repeat, or plain (bit-packed lengths, then the bytes). Whether a dictionary
 * can pay is first judged from a sample, so that unique strings are not hashed in vain.
 */
final class StringEncoding {
  private static final int MAX_DICTIONARY_ENTRIES = 1 << 16;
  private static final int SAMPLE_ROWS = 2048;

  private StringEncoding() {
  }

  /**
   * Encodes the range; when the encoding knows its distinct values (constant, dictionary),
   * bounds gets the rows of the smallest and the largest, else -1 (so that the zone map need
   * not compare every row).
   */
  static Encoding encode(ColumnData data, int from, int count, ByteWriter out, int[] bounds) {
    bounds[0] = -1;
    bounds[1] = -1;
    int[] offsets = data.offsets();
    byte[] bytes = data.bytes();
    int limit = Math.min(MAX_DICTIONARY_ENTRIES, Math.max(2, count / 2));
    ByteRangeSet distinct = new ByteRangeSet(bytes, offsets, limit);
    int[] codes = new int[count];
    boolean fits = true;
    for (int k = 0; k < count && fits; k++) {
      int row = from + k;
      codes[k] = data.isNull(row) ? 0 : distinct.add(row);
      fits = distinct.size() <= limit && (k != SAMPLE_ROWS || distinct.size() <= k / 2);
    }
    if (fits && distinct.size() <= 1) {
      int row = distinct.size() == 0 ? -1 : distinct.row(0);
      bounds[0] = row;
      bounds[1] = row;
      out.block(row < 0 ? new byte[0] : Arrays.copyOfRange(bytes, offsets[row],
          offsets[row + 1]));
      return Encoding.CONSTANT;
    }
    if (fits) {
      writeDictionary(data, from, count, distinct, codes, out, bounds);
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
    out.bytes(bytes, offsets[from], total);
    return Encoding.PLAIN;
  }

  /** Entries sorted by their bytes, so that codes keep the strings' order. */
  private static void writeDictionary(ColumnData data, int from, int count,
      ByteRangeSet distinct, int[] codes, ByteWriter out, int[] bounds) {
    byte[] bytes = data.bytes();
    int[] offsets = data.offsets();
    int size = distinct.size();
    Integer[] order = new Integer[size];
    for (int d = 0; d < size; d++) {
      order[d] = d;
    }
    Arrays.sort(order, (a, b) -> {
      int ra = distinct.row(a);
      int rb = distinct.row(b);
      return Arrays.compareUnsigned(bytes, offsets[ra], offsets[ra + 1], bytes, offsets[rb],
          offsets[rb + 1]);
    });
    bounds[0] = distinct.row(order[0]);
    bounds[1] = distinct.row(order[size - 1]);
    int[] rank = new int[size];
    long[] lengths = new long[size];
    ByteWriter entries = new ByteWriter(1024);
    for (int position = 0; position < size; position++) {
      int d = order[position];
      rank[d] = position;
      int row = distinct.row(d);
      lengths[position] = offsets[row + 1] - offsets[row];
      entries.bytes(bytes, offsets[row], offsets[row + 1] - offsets[row]);
    }
    long[] sortedCodes = new long[count];
    for (int k = 0; k < count; k++) {
      sortedCodes[k] = data.isNull(from + k) ? 0 : rank[codes[k]];
    }
    out.u32(size);
    writePackedLengths(lengths, size, out);
    out.block(entries.toByteArray());
    int codeBits = BitPacking.bitsFor(size - 1);
    out.u8(codeBits);
    out.bytes(BitPacking.pack(sortedCodes, 0, count, codeBits));
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

  private static long[] readPackedLengths(ByteReader in, int count) {
    long base = in.u64();
    int bits = in.u8();
    long[] lengths = new long[count];
    int start = in.skip(BitPacking.packedLength(count, bits) + 1);
    BitPacking.unpack(in.array(), start, count, bits, base, lengths);
    return lengths;
  }

  /** Decodes rows strings into the scratch bytes and offsets; null rows get no bytes. */
  static void decode(ByteReader in, Encoding encoding, int rows, boolean[] nulls,
      ChunkCodec.Scratch scratch) {
    int[] offsets = scratch.offsets;
    switch (encoding) {
      case CONSTANT -> {
        byte[] value = in.block();
        byte[] bytes = scratch.ensureBytes((long) value.length * rows);
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
        byte[] bytes = scratch.ensureBytes(total);
        System.arraycopy(in.array(), start, bytes, 0, total);
        offsets[0] = 0;
        for (int k = 0; k < rows; k++) {
          offsets[k + 1] = offsets[k] + (int) lengths[k];
        }
        if (offsets[rows] != total) {
          throw corrupt("string lengths");
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
        if (starts[size] != dictionary.length) {
          throw corrupt("dictionary lengths");
        }
        int codeBits = in.u8();
        int codeStart = in.skip(BitPacking.packedLength(rows, codeBits) + 1);
        long[] codes = scratch.codes;
        BitPacking.unpack(in.array(), codeStart, rows, codeBits, 0, codes);
        long total = 0;
        for (int k = 0; k < rows; k++) {
          int code = (int) codes[k];
          if (code < 0 || code >= size) {
            throw corrupt("dictionary code");
          }
          if (!nulls[k]) {
            total += lengths[code];
          }
        }
        byte[] bytes = scratch.ensureBytes(total);
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
      default -> throw corrupt("encoding " + encoding + " for strings");
    }
  }

  /** Reads a dictionary chunk's entries and codes, leaving the strings undecoded. */
  static StringDictionary readDictionary(ByteReader in, int rows, boolean[] nulls,
      long[] codes) {
    int size = in.u32();
    long[] lengths = readPackedLengths(in, size);
    byte[] dictionary = in.block();
    int[] starts = new int[size + 1];
    for (int d = 0; d < size; d++) {
      starts[d + 1] = starts[d] + (int) lengths[d];
    }
    if (starts[size] != dictionary.length) {
      throw corrupt("dictionary lengths");
    }
    int codeBits = in.u8();
    int codeStart = in.skip(BitPacking.packedLength(rows, codeBits) + 1);
    BitPacking.unpack(in.array(), codeStart, rows, codeBits, 0, codes);
    for (int k = 0; k < rows; k++) {
      if (codes[k] < 0 || codes[k] >= size) {
        throw corrupt("dictionary code");
      }
    }
    return new StringDictionary(dictionary, starts, size, codes, nulls);
  }

  /** Decodes rows strings straight into a vector's offset and data buffers. */
  static void decodeInto(ByteReader in, Encoding encoding, int rows, boolean[] nulls,
      VarCharVector vector, ChunkCodec.Scratch scratch) {
    ArrowBuf offsets = vector.getOffsetBuffer();
    switch (encoding) {
      case PLAIN -> {
        long[] lengths = readPackedLengths(in, rows);
        int total = in.u32();
        int start = in.skip(total);
        ArrowBuf data = capacity(vector, total);
        data.setBytes(0, in.array(), start, total);
        int position = 0;
        offsets.setInt(0, 0);
        for (int k = 0; k < rows; k++) {
          position += (int) lengths[k];
          offsets.setInt((long) (k + 1) << 2, position);
        }
        if (position != total) {
          throw corrupt("string lengths");
        }
      }
      case CONSTANT, DICTIONARY -> {
        decode(in, encoding, rows, nulls, scratch);
        int total = scratch.offsets[rows];
        capacity(vector, total).setBytes(0, scratch.bytes, 0, total);
        for (int k = 0; k <= rows; k++) {
          offsets.setInt((long) k << 2, scratch.offsets[k]);
        }
      }
      default -> throw corrupt("encoding " + encoding + " for strings");
    }
    vector.setLastSet(rows - 1);
  }

  private static ArrowBuf capacity(VarCharVector vector, long bytes) {
    while (vector.getDataBuffer().capacity() < bytes) {
      vector.reallocDataBuffer();
    }
    return vector.getDataBuffer();
  }

  private static ExaException corrupt(String what) {
    return new ExaException(SqlState.DATA_CORRUPTED, "corrupt data: " + what);
  }
}
