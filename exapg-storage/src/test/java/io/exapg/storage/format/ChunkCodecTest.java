package io.exapg.storage.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.exapg.core.type.DataType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every encoding decodes to exactly the values it was given, nulls included. */
class ChunkCodecTest {
  private static final int ROWS = 10_000;
  private final Random random = new Random(42);

  @Test
  void bitPackingRoundTripsEveryWidth() {
    long[] values = new long[1001];
    long[] decoded = new long[values.length];
    for (int bits = 0; bits <= 64; bits++) {
      long mask = bits == 64 ? -1L : (1L << bits) - 1;
      for (int i = 0; i < values.length; i++) {
        values[i] = random.nextLong() & mask;
      }
      values[0] = mask;
      byte[] packed = BitPacking.pack(values, 0, values.length, bits);
      BitPacking.unpack(packed, 0, values.length, bits, 0, decoded);
      assertArrayEquals(values, decoded, "width " + bits);
    }
  }

  @Test
  void longsChooseTheirEncodingAndRoundTrip() {
    long[] constant = new long[ROWS];
    Arrays.fill(constant, -7);
    assertRoundTrip(longs(DataType.BIGINT, constant, null), Encoding.CONSTANT);

    long[] narrow = new long[ROWS];
    for (int i = 0; i < ROWS; i++) {
      narrow[i] = 1_000_000_000_000L + random.nextInt(5000);
    }
    assertRoundTrip(longs(DataType.BIGINT, narrow, null), Encoding.FRAME_OF_REFERENCE);

    long[] wide = new long[ROWS];
    for (int i = 0; i < ROWS; i++) {
      wide[i] = random.nextLong();
    }
    wide[1] = Long.MIN_VALUE;
    wide[2] = Long.MAX_VALUE;
    assertRoundTrip(longs(DataType.BIGINT, wide, null), null);

    long[] fewDistinctWide = new long[ROWS];
    long[] choices = {Long.MIN_VALUE, -1, 0, Long.MAX_VALUE, 123_456_789_012L};
    for (int i = 0; i < ROWS; i++) {
      fewDistinctWide[i] = choices[random.nextInt(choices.length)];
    }
    assertRoundTrip(longs(DataType.BIGINT, fewDistinctWide, null), Encoding.DICTIONARY);
  }

  @Test
  void sortedValuesUseDeltasAndRepeatsUseRuns() {
    long[] sorted = new long[ROWS];
    long value = 5_000_000_000L;
    for (int i = 0; i < ROWS; i++) {
      value += random.nextInt(4);
      sorted[i] = value;
    }
    assertRoundTrip(longs(DataType.BIGINT, sorted, null), Encoding.DELTA);

    long[] descending = new long[ROWS];
    for (int i = 0; i < ROWS; i++) {
      descending[i] = Long.MAX_VALUE - 3L * i;
    }
    assertRoundTrip(longs(DataType.BIGINT, descending, null), Encoding.DELTA);

    long[] runs = new long[ROWS];
    for (int i = 0; i < ROWS; i++) {
      runs[i] = (i / 500) * 1_000_003L;
    }
    assertRoundTrip(longs(DataType.BIGINT, runs, null), Encoding.RUN_LENGTH);
  }

  @Test
  void nullsSurviveEveryEncoding() {
    boolean[] nulls = new boolean[ROWS];
    long[] values = new long[ROWS];
    for (int i = 0; i < ROWS; i++) {
      nulls[i] = random.nextInt(5) == 0;
      values[i] = nulls[i] ? 0 : random.nextInt(100);
    }
    assertRoundTrip(longs(DataType.INTEGER, values, nulls), null);

    boolean[] allNull = new boolean[ROWS];
    Arrays.fill(allNull, true);
    assertRoundTrip(longs(DataType.DATE, new long[ROWS], allNull), null);
  }

  @Test
  void doublesRoundTripBitForBit() {
    double[] values = new double[ROWS];
    for (int i = 0; i < ROWS; i++) {
      values[i] = random.nextGaussian() * 1e6;
    }
    values[0] = Double.NaN;
    values[1] = -0.0;
    values[2] = Double.NEGATIVE_INFINITY;
    values[3] = Double.MIN_VALUE;
    ColumnData data = new ColumnData(DataType.DOUBLE, ROWS, null, values, null, null, null);
    ColumnData decoded = roundTrip(data);
    for (int i = 0; i < ROWS; i++) {
      assertEquals(Double.doubleToRawLongBits(values[i]),
          Double.doubleToRawLongBits(decoded.doubles()[i]), "row " + i);
    }
  }

  @Test
  void stringsRoundTripAsDictionaryAndPlain() {
    String[] few = {"north", "south", "", "ünïcødé €", "east"};
    String[] lowCardinality = new String[ROWS];
    for (int i = 0; i < ROWS; i++) {
      lowCardinality[i] = few[random.nextInt(few.length)];
    }
    assertStringsRoundTrip(lowCardinality, Encoding.DICTIONARY);
    String[] constant = new String[ROWS];
    for (int i = 0; i < ROWS; i++) {
      constant[i] = i % 5 == 0 ? null : "same";
    }
    assertStringsRoundTrip(constant, Encoding.CONSTANT);

    String[] distinct = new String[ROWS];
    for (int i = 0; i < ROWS; i++) {
      distinct[i] = i % 97 == 0 ? null : "row-" + random.nextLong() + "-" + i;
    }
    assertStringsRoundTrip(distinct, null);
  }

  private static ColumnData longs(DataType type, long[] values, boolean[] nulls) {
    return new ColumnData(type, values.length, values, null, null, null, nulls);
  }

  private static ColumnData roundTrip(ColumnData data) {
    EncodedChunk chunk = ChunkCodec.encode(data, 0, data.size());
    return ChunkCodec.decode(chunk.stored(), chunk.encoding(), chunk.compressed(),
        chunk.payloadLength(), data.type(), data.size(), new ChunkCodec.Scratch());
  }

  private static void assertRoundTrip(ColumnData data, Encoding expected) {
    EncodedChunk chunk = ChunkCodec.encode(data, 0, data.size());
    if (expected != null) {
      assertEquals(expected, chunk.encoding());
    }
    ColumnData decoded = ChunkCodec.decode(chunk.stored(), chunk.encoding(), chunk.compressed(),
        chunk.payloadLength(), data.type(), data.size(), new ChunkCodec.Scratch());
    for (int i = 0; i < data.size(); i++) {
      assertEquals(data.isNull(i), decoded.isNull(i), "null at row " + i);
      if (!data.isNull(i)) {
        assertEquals(data.longs()[i], decoded.longs()[i], "row " + i);
      }
    }
  }

  private static void assertStringsRoundTrip(String[] values, Encoding expected) {
    ColumnData data = stringData(values);
    EncodedChunk chunk = ChunkCodec.encode(data, 0, values.length);
    if (expected != null) {
      assertEquals(expected, chunk.encoding());
    }
    ColumnData decoded = roundTrip(data);
    for (int i = 0; i < values.length; i++) {
      assertEquals(values[i], decoded.isNull(i) ? null : decoded.string(i), "row " + i);
    }
    // the zone map's bounds, whichever way the encoding found them, are the byte-wise extremes
    byte[] min = null;
    byte[] max = null;
    for (String value : values) {
      if (value == null) {
        continue;
      }
      byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
      min = min == null || Arrays.compareUnsigned(bytes, min) < 0 ? bytes : min;
      max = max == null || Arrays.compareUnsigned(bytes, max) > 0 ? bytes : max;
    }
    assertArrayEquals(min, chunk.zoneMap().minBytes());
    assertArrayEquals(max, chunk.zoneMap().maxBytes());
  }

  private static ColumnData stringData(String[] values) {
    int[] offsets = new int[values.length + 1];
    boolean[] nulls = new boolean[values.length];
    byte[][] encoded = new byte[values.length][];
    int total = 0;
    for (int i = 0; i < values.length; i++) {
      nulls[i] = values[i] == null;
      encoded[i] = nulls[i] ? new byte[0] : values[i].getBytes(StandardCharsets.UTF_8);
      offsets[i] = total;
      total += encoded[i].length;
    }
    offsets[values.length] = total;
    byte[] bytes = new byte[total];
    for (int i = 0; i < values.length; i++) {
      System.arraycopy(encoded[i], 0, bytes, offsets[i], encoded[i].length);
    }
    return new ColumnData(DataType.TEXT, values.length, null, null, bytes, offsets, nulls);
  }
}
