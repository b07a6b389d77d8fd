package io.exapg.storage.wal;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.core.type.DataType;
import io.exapg.core.type.TypeId;
import io.exapg.storage.format.ByteReader;
import io.exapg.storage.format.ByteWriter;
import io.exapg.storage.format.ChunkCodec;
import io.exapg.storage.format.ColumnBuffer;
import io.exapg.storage.format.ColumnData;
import io.exapg.storage.format.EncodedChunk;
import io.exapg.storage.format.Encoding;
import io.exapg.storage.format.DeleteBitmaps;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.roaringbitmap.RoaringBitmap;

/**
 * What one committed transaction changed, per table: segment files it wrote whole (bulk
 * loads), rows appended to the table's insert buffer at a given position, and rows deleted,
 * as positions per segment. Replaying the records in order rebuilds every table exactly.
 */
public record CommitRecord(List<TableWrite> tables) {
  /** A segment file a transaction wrote, with the positions it deleted again itself. */
  public record NewSegment(long id, String file, RoaringBitmap deletes) {
  }

  /**
   * One table's part of a commit.
   *
   * @param bufferId the insert buffer the rows go to
   * @param bufferPosition the position of the first row in that buffer
   * @param encodedRows the rows as written to the log, or null to encode them here
   */
  public record TableWrite(long tableId, List<NewSegment> segments, long bufferId,
      int bufferPosition, ColumnData[] rows, byte[] encodedRows,
      Map<Long, RoaringBitmap> deletes) {
    public int rowCount() {
      return rows.length == 0 ? 0 : rows[0].size();
    }

    public TableWrite withDeletes(Map<Long, RoaringBitmap> newDeletes) {
      return new TableWrite(tableId, segments, bufferId, bufferPosition, rows, encodedRows,
          newDeletes);
    }

    public TableWrite at(long newBufferId, int newPosition) {
      return new TableWrite(tableId, segments, newBufferId, newPosition, rows, encodedRows,
          deletes);
    }
  }

  /** Encodes rows the way a commit record holds them; slow, so done before taking locks. */
  public static byte[] encodeRows(ColumnData[] rows) {
    int count = rows.length == 0 ? 0 : rows[0].size();
    ByteWriter out = new ByteWriter(count * 4 + 64);
    out.u32(count);
    out.u32(rows.length);
    for (ColumnData column : rows) {
      DataType type = column.type();
      out.u8(type.id().ordinal()).u32(type.precision()).u32(type.scale());
      if (count > 0) {
        EncodedChunk chunk = ChunkCodec.encode(column, 0, count);
        out.u8(chunk.encoding().code()).u8(chunk.compressed() ? 1 : 0)
            .u32(chunk.payloadLength()).block(chunk.stored());
      }
    }
    return out.toByteArray();
  }

  public byte[] encode() {
    ByteWriter out = new ByteWriter(4096);
    out.u32(tables.size());
    for (TableWrite table : tables) {
      out.u64(table.tableId());
      out.u32(table.segments().size());
      for (NewSegment segment : table.segments()) {
        byte[] name = segment.file().getBytes(StandardCharsets.UTF_8);
        out.u64(segment.id()).u16(name.length).bytes(name);
        out.block(segment.deletes() == null ? new byte[0]
            : DeleteBitmaps.toBytes(segment.deletes()));
      }
      out.u64(table.bufferId()).u32(table.bufferPosition());
      out.block(table.encodedRows() != null ? table.encodedRows() : encodeRows(table.rows()));
      out.u32(table.deletes().size());
      for (Map.Entry<Long, RoaringBitmap> delete : table.deletes().entrySet()) {
        out.u64(delete.getKey()).block(DeleteBitmaps.toBytes(delete.getValue()));
      }
    }
    return out.toByteArray();
  }

  public static CommitRecord decode(byte[] payload) {
    try {
      ByteReader in = new ByteReader(payload);
      int tableCount = in.u32();
      List<TableWrite> tables = new ArrayList<>();
      ChunkCodec.Scratch scratch = new ChunkCodec.Scratch();
      for (int t = 0; t < tableCount; t++) {
        long tableId = in.u64();
        int segmentCount = in.u32();
        List<NewSegment> segments = new ArrayList<>();
        for (int s = 0; s < segmentCount; s++) {
          long id = in.u64();
          String file = new String(in.bytes(in.u16()), StandardCharsets.UTF_8);
          byte[] deletes = in.block();
          segments.add(new NewSegment(id, file,
              deletes.length == 0 ? null : DeleteBitmaps.fromBytes(deletes)));
        }
        long bufferId = in.u64();
        int bufferPosition = in.u32();
        ColumnData[] rows = decodeRows(new ByteReader(in.block()), scratch);
        int deleteCount = in.u32();
        Map<Long, RoaringBitmap> deletes = new LinkedHashMap<>();
        for (int d = 0; d < deleteCount; d++) {
          deletes.put(in.u64(), DeleteBitmaps.fromBytes(in.block()));
        }
        tables.add(new TableWrite(tableId, segments, bufferId, bufferPosition, rows, null,
            deletes));
      }
      return new CommitRecord(tables);
    } catch (ExaException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ExaException(SqlState.DATA_CORRUPTED,
          "corrupt commit record in the write-ahead log: " + e.getMessage(), e);
    }
  }

  private static ColumnData[] decodeRows(ByteReader in, ChunkCodec.Scratch scratch) {
    int rows = in.u32();
    int columns = in.u32();
    ColumnData[] data = new ColumnData[columns];
    for (int c = 0; c < columns; c++) {
      DataType type = new DataType(TypeId.values()[in.u8()], in.u32(), in.u32());
      ColumnBuffer buffer = new ColumnBuffer(type);
      if (rows > 0) {
        Encoding encoding = Encoding.of(in.u8());
        boolean compressed = in.u8() != 0;
        int payloadLength = in.u32();
        byte[] stored = in.block();
        buffer.append(ChunkCodec.decode(stored, encoding, compressed, payloadLength, type,
            rows, scratch), 0, rows);
      }
      data[c] = buffer.view();
    }
    return data;
  }
}
