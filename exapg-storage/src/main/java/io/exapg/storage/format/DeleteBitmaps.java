package io.exapg.storage.format;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.roaringbitmap.RoaringBitmap;

/**
 * Deleted row positions as RoaringBitmaps. Bitmaps in snapshots are shared and never changed:
 * every change makes a new bitmap.
 */
public final class DeleteBitmaps {
  private DeleteBitmaps() {
  }

  /** A new bitmap holding both; either may be null. */
  public static RoaringBitmap union(RoaringBitmap a, RoaringBitmap b) {
    if (a == null || a.isEmpty()) {
      return b == null ? null : b.clone();
    }
    if (b == null || b.isEmpty()) {
      return a.clone();
    }
    return RoaringBitmap.or(a, b);
  }

  /** Serialized compactly; the shared bitmap itself is left as it is. */
  public static byte[] toBytes(RoaringBitmap bitmap) {
    RoaringBitmap copy = bitmap.clone();
    copy.runOptimize();
    ByteBuffer buffer = ByteBuffer.allocate(copy.serializedSizeInBytes());
    copy.serialize(buffer);
    return buffer.array();
  }

  public static RoaringBitmap fromBytes(byte[] bytes) {
    RoaringBitmap bitmap = new RoaringBitmap();
    try {
      bitmap.deserialize(ByteBuffer.wrap(bytes));
    } catch (IOException | RuntimeException e) {
      throw new ExaException(SqlState.DATA_CORRUPTED,
          "corrupt delete bitmap: " + e.getMessage(), e);
    }
    return bitmap;
  }
}
