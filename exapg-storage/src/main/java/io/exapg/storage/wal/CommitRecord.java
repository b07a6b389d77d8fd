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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What one committed transaction wrote: per table, the segment files it wrote whole (bulk
 * loads) and the remaining rows, encoded column by column as in a segment.
 */
public record CommitRecord(List<TableWrite> tables) {
  /** One table's part of a commit. */
  public record TableWrite(long tableId, List<String> segmentFiles, ColumnData[] rows) {
    public int rowCount() {
      return rows.length == 0 ? 0 : rows[0].size();
    }
  }

  public byte[] encode() {
    ByteWriter out = new ByteWriter(4096);
    out.u32(tables.size());
    for (TableWrite table : tables) {
      out.u64(table.tableId());
      out.u32(table.segmentFiles().size());
      for (String file : table.segmentFiles()) {
        byte[] name = file.getBytes(StandardCharsets.UTF_8);
        out.u16(name.length).bytes(name);
      }
      int rows = table.rowCount();
      out.u32(rows);
      out.u32(table.rows().length);
      for (ColumnData column : table.rows()) {
        DataType type = column.type();
        out.u8(type.id().ordinal()).u32(type.precision()).u32(type.scale());
        if (rows > 0) {
          EncodedChunk chunk = ChunkCodec.encode(column, 0, rows);
          out.u8(chunk.encoding().code()).u8(chunk.compressed() ? 1 : 0)
              .u32(chunk.payloadLength()).block(chunk.stored());
        }
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
        List<String> segments = new ArrayList<>();
        for (int s = 0; s < segmentCount; s++) {
          segments.add(new String(in.bytes(in.u16()), StandardCharsets.UTF_8));
        }
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
        tables.add(new TableWrite(tableId, segments, data));
      }
      return new CommitRecord(tables);
    } catch (RuntimeException e) {
      throw new ExaException(SqlState.DATA_CORRUPTED,
          "corrupt commit record in the write-ahead log: " + e.getMessage(), e);
    }
  }
}
