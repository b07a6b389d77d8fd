package io.exapg.core.exec.aggregate;

import io.exapg.core.exec.hash.KeySerializer;
import io.exapg.core.exec.hash.ValueWriter;
import org.apache.arrow.vector.FieldVector;

/** Writes the values of one serialized key (see {@link KeySerializer}) into output vectors. */
final class KeyDecoder {
  private KeyDecoder() {
  }

  static void decode(byte[] bytes, int position, FieldVector[] out, int row) {
    int p = position;
    for (FieldVector vector : out) {
      boolean isNull = bytes[p] != 0;
      if (bytes[p + 1] == 'S') {
        int length = KeySerializer.readIntAt(bytes, p + 2);
        if (isNull) {
          ValueWriter.setNull(vector, row);
        } else {
          ValueWriter.setBytes(vector, row, bytes, p + 6, length);
        }
        p += 6 + length;
      } else {
        if (isNull) {
          ValueWriter.setNull(vector, row);
        } else {
          ValueWriter.setLong(vector, row, KeySerializer.readLongAt(bytes, p + 2));
        }
        p += 10;
      }
    }
  }
}
