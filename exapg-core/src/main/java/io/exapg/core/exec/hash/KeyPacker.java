package io.exapg.core.exec.hash;

import io.exapg.core.batch.Batch;
import io.exapg.core.type.PhysicalType;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/**
 * Packs the key columns of each row into one long when the values are small: flags and codes
 * such as TPC-H's {@code l_returnflag, l_linestatus} or {@code l_shipmode}, where serializing,
 * hashing and comparing key bytes costs more than the aggregation itself. Equal keys (NULL
 * equal to NULL) get equal longs and different keys different longs, as long as the batch
 * packs at all: a BIGINT outside the int range or a string longer than its column's byte
 * budget makes {@link #pack} return false, and the caller falls back to serialized keys.
 *
 * <p>Each column owns a fixed bit field. A fixed-width value takes its width plus one bit
 * that is 1 for a value, 0 for NULL. A string takes a length field (0 for NULL, else length
 * + 1) followed by up to {@code budget} bytes; the string columns share the bits the
 * fixed-width ones leave, at most 7 bytes each.
 */
public final class KeyPacker {
  private static final int MAX_STRING_BYTES = 7;
  private static final boolean LITTLE_ENDIAN =
      ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

  private final int[] keyColumns;
  private final PhysicalType[] types;
  private final int[] shifts;
  private final int[] stringBytes;

  private KeyPacker(int[] keyColumns, PhysicalType[] types, int[] shifts, int[] stringBytes) {
    this.keyColumns = keyColumns;
    this.types = types;
    this.shifts = shifts;
    this.stringBytes = stringBytes;
  }

  /** A packer for these key columns, or null when their types cannot share 64 bits. */
  public static KeyPacker of(int[] keyColumns, List<PhysicalType> keyTypes) {
    int fixedBits = 0;
    int strings = 0;
    for (PhysicalType type : keyTypes) {
      int width = valueBits(type);
      if (width < 0) {
        return null;
      }
      if (type == PhysicalType.VARBINARY) {
        strings++;
      } else {
        fixedBits += width + 1;
      }
    }
    if (fixedBits > Long.SIZE) {
      return null;
    }
    int budget = 0;
    if (strings > 0) {
      int share = (Long.SIZE - fixedBits) / strings;
      while (budget < MAX_STRING_BYTES && stringBits(budget + 1) <= share) {
        budget++;
      }
      if (budget == 0) {
        return null;
      }
    }
    int[] shifts = new int[keyTypes.size()];
    int[] stringBytes = new int[keyTypes.size()];
    int shift = 0;
    for (int c = 0; c < keyTypes.size(); c++) {
      PhysicalType type = keyTypes.get(c);
      shifts[c] = shift;
      if (type == PhysicalType.VARBINARY) {
        stringBytes[c] = budget;
        shift += stringBits(budget);
      } else {
        shift += valueBits(type) + 1;
      }
    }
    return new KeyPacker(keyColumns.clone(), keyTypes.toArray(PhysicalType[]::new), shifts,
        stringBytes);
  }

  /** Bits of a fixed-width value; BIGINTs must lie in the int range to pack; -1: never. */
  private static int valueBits(PhysicalType type) {
    return switch (type) {
      case BIT -> 1;
      case INT16 -> 16;
      case INT32, INT64 -> 32;
      case VARBINARY -> 0;
      case FLOAT32, FLOAT64 -> -1;
    };
  }

  private static int lengthBits(int budget) {
    return Integer.SIZE - Integer.numberOfLeadingZeros(budget + 1);
  }

  private static int stringBits(int budget) {
    return lengthBits(budget) + 8 * budget;
  }

  /** Packs the keys of the batch's live rows into out[0, size); false if a row does not fit. */
  public boolean pack(Batch batch, long[] out) {
    int size = batch.size();
    int[] selection = batch.selection();
    Arrays.fill(out, 0, size, 0L);
    for (int c = 0; c < keyColumns.length; c++) {
      FieldVector vector = batch.column(keyColumns[c]);
      boolean packed = types[c] == PhysicalType.VARBINARY
          ? packString(vector, selection, size, shifts[c], stringBytes[c], out)
          : packFixed(vector, types[c], selection, size, shifts[c], out);
      if (!packed) {
        return false;
      }
    }
    return true;
  }

  private static boolean packFixed(FieldVector vector, PhysicalType type, int[] selection,
      int size, int shift, long[] out) {
    ArrowBuf data = vector.getDataBuffer();
    ArrowBuf valid = vector.getValidityBuffer();
    boolean noNulls = vector.getNullCount() == 0;
    for (int j = 0; j < size; j++) {
      int i = selection == null ? j : selection[j];
      if (!noNulls && BitVectorHelper.get(valid, i) == 0) {
        continue;
      }
      long value = switch (type) {
        case BIT -> BitVectorHelper.get(data, i);
        case INT16 -> data.getShort((long) i << 1) & 0xFFFFL;
        case INT32 -> data.getInt((long) i << 2) & 0xFFFFFFFFL;
        default -> {
          long wide = data.getLong((long) i << 3);
          if (wide != (int) wide) {
            yield -1L;
          }
          yield wide & 0xFFFFFFFFL;
        }
      };
      if (value < 0) {
        return false;
      }
      out[j] |= (value << 1 | 1L) << shift;
    }
    return true;
  }

  private static boolean packString(FieldVector vector, int[] selection, int size, int shift,
      int budget, long[] out) {
    ArrowBuf data = vector.getDataBuffer();
    ArrowBuf offsets = vector.getOffsetBuffer();
    ArrowBuf valid = vector.getValidityBuffer();
    boolean noNulls = vector.getNullCount() == 0;
    int bytesShift = shift + lengthBits(budget);
    long capacity = data.capacity();
    for (int j = 0; j < size; j++) {
      int i = selection == null ? j : selection[j];
      if (!noNulls && BitVectorHelper.get(valid, i) == 0) {
        continue;
      }
      int start = offsets.getInt((long) i << 2);
      int length = offsets.getInt(((long) i + 1) << 2) - start;
      if (length > budget) {
        return false;
      }
      long bytes;
      if (LITTLE_ENDIAN && start + Long.BYTES <= capacity) {
        // One read instead of one per byte, in the byte order of the loop below; the budget
        // is at most 7, so the mask never needs a shift by 64.
        bytes = data.getLong(start) & (1L << (8 * length)) - 1;
      } else {
        bytes = 0;
        for (int b = 0; b < length; b++) {
          bytes |= (data.getByte(start + b) & 0xFFL) << (8 * b);
        }
      }
      out[j] |= ((long) length + 1) << shift | bytes << bytesShift;
    }
    return true;
  }
}
