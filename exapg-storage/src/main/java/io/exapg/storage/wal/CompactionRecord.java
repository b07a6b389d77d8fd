package io.exapg.storage.wal;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.storage.format.ByteReader;
import io.exapg.storage.format.ByteWriter;
import io.exapg.storage.format.DeleteBitmaps;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.roaringbitmap.RoaringBitmap;

/**
 * A compaction: segments of a table replaced by one segment holding their live rows, in
 * order. deletes are the positions of the new segment deleted by commits that raced with the
 * compaction (translated from the old segments), so that replay needs nothing else.
 */
public record CompactionRecord(long tableId, List<Long> removed, long newId, String file,
    RoaringBitmap deletes) {
  public CompactionRecord {
    removed = List.copyOf(removed);
  }

  public byte[] encode() {
    ByteWriter out = new ByteWriter(256);
    out.u64(tableId).u32(removed.size());
    for (long id : removed) {
      out.u64(id);
    }
    byte[] name = file.getBytes(StandardCharsets.UTF_8);
    out.u64(newId).u16(name.length).bytes(name);
    out.block(deletes == null || deletes.isEmpty() ? new byte[0]
        : DeleteBitmaps.toBytes(deletes));
    return out.toByteArray();
  }

  public static CompactionRecord decode(byte[] payload) {
    try {
      ByteReader in = new ByteReader(payload);
      long tableId = in.u64();
      int count = in.u32();
      List<Long> removed = new ArrayList<>();
      for (int k = 0; k < count; k++) {
        removed.add(in.u64());
      }
      long newId = in.u64();
      String file = new String(in.bytes(in.u16()), StandardCharsets.UTF_8);
      byte[] deletes = in.block();
      return new CompactionRecord(tableId, removed, newId, file,
          deletes.length == 0 ? null : DeleteBitmaps.fromBytes(deletes));
    } catch (ExaException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ExaException(SqlState.DATA_CORRUPTED,
          "corrupt compaction record in the write-ahead log: " + e.getMessage(), e);
    }
  }
}
