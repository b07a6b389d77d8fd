package io.exapg.storage.format;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;

/**
 * Encodings of exact values (integers, decimals, dates, timestamps, booleans) as longs. The
 * encoder estimates the packed size of each candidate and writes the smallest: constant,
 * frame of reference, dictionary, delta (sorted and time-like values), run length (long runs
 * of equal values), or plain when nothing else fits. Layouts: docs/storage-format.md.
 */
final class LongEncoding {
  private static final int MAX_DICTIONARY_ENTRIES = 4096;

  private LongEncoding() {
  }

  /** Encodes values[from, from + count). */
  static Encoding encode(long[] all, int from, int count, ByteWriter out, boolean allNull) {
    long[] values = from == 0 ? all : Arrays.copyOfRange(all, from, from + count);
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    int runs = count == 0 ? 0 : 1;
    for (int k = 0; k < count; k++) {
      long v = values[k];
      min = Math.min(min, v);
      max = Math.max(max, v);
      if (k > 0 && v != values[k - 1]) {
        runs++;
      }
    }
    if (count == 0 || allNull || min == max) {
      out.u64(count == 0 ? 0 : min);
      return Encoding.CONSTANT;
    }
    // Read as unsigned, max - min always fits in 64 bits, and min + offset wraps back exactly.
    long range = max - min;
    int forBits = range < 0 ? 64 : BitPacking.bitsFor(range);
    long best = range < 0 ? Long.MAX_VALUE : (long) count * forBits;
    Encoding choice = range < 0 ? Encoding.PLAIN : Encoding.FRAME_OF_REFERENCE;

    long minDelta = Long.MAX_VALUE;
    long maxDelta = Long.MIN_VALUE;
    for (int k = 1; k < count; k++) {
      long delta = values[k] - values[k - 1];
      minDelta = Math.min(minDelta, delta);
      maxDelta = Math.max(maxDelta, delta);
    }
    long deltaRange = maxDelta - minDelta;
    int deltaBits = deltaRange < 0 ? 64 : BitPacking.bitsFor(deltaRange);
    long deltaCost = 128 + (long) (count - 1) * deltaBits;
    if (deltaRange >= 0 && deltaCost < best) {
      best = deltaCost;
      choice = Encoding.DELTA;
    }

    int runLengthBits = BitPacking.bitsFor(count - 1);
    long runCost = (long) runs * (forBits + runLengthBits);
    if (runs <= count / 4 && runCost < best) {
      best = runCost;
      choice = Encoding.RUN_LENGTH;
    }

    long[] dictionary = LongDistinct.sorted(values, count,
        Math.min(MAX_DICTIONARY_ENTRIES, Math.max(2, count / 4)));
    if (dictionary != null) {
      int codeBits = BitPacking.bitsFor(dictionary.length - 1);
      long dictionaryCost = (long) dictionary.length * forBits + (long) count * codeBits;
      if (dictionaryCost < best * 0.9) {
        choice = Encoding.DICTIONARY;
      }
    }
    switch (choice) {
      case PLAIN -> {
        for (int k = 0; k < count; k++) {
          out.u64(values[k]);
        }
      }
      case FRAME_OF_REFERENCE -> {
        long[] offsets = new long[count];
        for (int k = 0; k < count; k++) {
          offsets[k] = values[k] - min;
        }
        out.u64(min).u8(forBits);
        out.bytes(BitPacking.pack(offsets, 0, count, forBits));
      }
      case DELTA -> {
        long[] deltas = new long[count - 1];
        for (int k = 1; k < count; k++) {
          deltas[k - 1] = values[k] - values[k - 1] - minDelta;
        }
        out.u64(values[0]).u64(minDelta).u8(deltaBits);
        out.bytes(BitPacking.pack(deltas, 0, count - 1, deltaBits));
      }
      case RUN_LENGTH -> {
        long[] runValues = new long[runs];
        long[] runLengths = new long[runs];
        int r = 0;
        int start = 0;
        for (int k = 1; k <= count; k++) {
          if (k == count || values[k] != values[k - 1]) {
            runValues[r] = values[start] - min;
            runLengths[r] = k - start - 1;
            r++;
            start = k;
          }
        }
        out.u32(runs).u64(min).u8(forBits);
        out.bytes(BitPacking.pack(runValues, 0, runs, forBits));
        out.u8(runLengthBits);
        out.bytes(BitPacking.pack(runLengths, 0, runs, runLengthBits));
      }
      case DICTIONARY -> {
        long[] codes = new long[count];
        for (int k = 0; k < count; k++) {
          codes[k] = Arrays.binarySearch(dictionary, values[k]);
        }
        long[] offsets = new long[dictionary.length];
        for (int d = 0; d < dictionary.length; d++) {
          offsets[d] = dictionary[d] - min;
        }
        int codeBits = BitPacking.bitsFor(dictionary.length - 1);
        out.u32(dictionary.length).u64(min).u8(forBits);
        out.bytes(BitPacking.pack(offsets, 0, dictionary.length, forBits));
        out.u8(codeBits);
        out.bytes(BitPacking.pack(codes, 0, count, codeBits));
      }
      default -> throw new IllegalStateException(choice.toString());
    }
    return choice;
  }

  /** Decodes rows values into out[0, rows). */
  static void decode(ByteReader in, Encoding encoding, int rows, long[] out, long[] codes) {
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
      case DELTA -> {
        long first = in.u64();
        long minDelta = in.u64();
        int bits = in.u8();
        int start = in.skip(BitPacking.packedLength(rows - 1, bits) + 1);
        BitPacking.unpack(in.array(), start, rows - 1, bits, minDelta, codes);
        long value = first;
        out[0] = value;
        for (int k = 1; k < rows; k++) {
          value += codes[k - 1];
          out[k] = value;
        }
      }
      case RUN_LENGTH -> {
        int runs = in.u32();
        long base = in.u64();
        int bits = in.u8();
        long[] runValues = new long[runs];
        BitPacking.unpack(in.array(), in.skip(BitPacking.packedLength(runs, bits) + 1), runs,
            bits, base, runValues);
        int lengthBits = in.u8();
        long[] runLengths = new long[runs];
        BitPacking.unpack(in.array(), in.skip(BitPacking.packedLength(runs, lengthBits) + 1),
            runs, lengthBits, 1, runLengths);
        int k = 0;
        for (int r = 0; r < runs; r++) {
          if (runLengths[r] > rows - k) {
            throw corrupt("run lengths");
          }
          Arrays.fill(out, k, k + (int) runLengths[r], runValues[r]);
          k += (int) runLengths[r];
        }
        if (k != rows) {
          throw corrupt("run lengths");
        }
      }
      case DICTIONARY -> {
        int size = in.u32();
        long base = in.u64();
        int bits = in.u8();
        long[] dictionary = new long[size];
        BitPacking.unpack(in.array(), in.skip(BitPacking.packedLength(size, bits) + 1), size,
            bits, base, dictionary);
        int codeBits = in.u8();
        BitPacking.unpack(in.array(), in.skip(BitPacking.packedLength(rows, codeBits) + 1),
            rows, codeBits, 0, codes);
        for (int k = 0; k < rows; k++) {
          int code = (int) codes[k];
          if (code < 0 || code >= size) {
            throw corrupt("dictionary code");
          }
          out[k] = dictionary[code];
        }
      }
    }
  }

  /**
   * Decodes rows values straight into an Arrow data buffer as integers of width bytes (8, 4
   * or 2); encodings that need a pass over codes or runs go through the scratch arrays.
   */
  static void decodeInto(ByteReader in, Encoding encoding, int rows, ArrowBuf data, int width,
      long[] values, long[] codes) {
    switch (encoding) {
      case CONSTANT -> {
        long value = in.u64();
        for (int k = 0; k < rows; k++) {
          store(data, width, k, value);
        }
      }
      case FRAME_OF_REFERENCE -> {
        long base = in.u64();
        int bits = in.u8();
        int start = in.skip(BitPacking.packedLength(rows, bits) + 1);
        BitPacking.unpackInto(in.array(), start, rows, bits, base, data, width);
      }
      default -> {
        decode(in, encoding, rows, values, codes);
        for (int k = 0; k < rows; k++) {
          store(data, width, k, values[k]);
        }
      }
    }
  }

  private static void store(ArrowBuf data, int width, int row, long value) {
    switch (width) {
      case 8 -> data.setLong((long) row << 3, value);
      case 4 -> data.setInt((long) row << 2, (int) value);
      default -> data.setShort((long) row << 1, (short) value);
    }
  }

  private static ExaException corrupt(String what) {
    return new ExaException(SqlState.DATA_CORRUPTED, "corrupt data: " + what);
  }
}
