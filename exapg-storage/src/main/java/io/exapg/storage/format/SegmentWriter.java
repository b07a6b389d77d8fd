package io.exapg.storage.format;

import io.exapg.core.type.DataType;
import io.exapg.storage.io.DurableFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Writes rows into a new segment file, row group by row group, each column chunk encoded and
 * checksummed, then the footer and trailer; the file is fsynced before this returns.
 */
public final class SegmentWriter {
  public static final int ROW_GROUP_ROWS = 65536;

  private SegmentWriter() {
  }

  public static SegmentMeta write(Path file, List<DataType> types, ColumnData[] columns,
      int from, int count) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE)) {
      long position = 0;
      byte[] header = SegmentFormat.header();
      DurableFiles.writeFully(channel, ByteBuffer.wrap(header), position);
      position += header.length;
      List<RowGroupMeta> groups = new ArrayList<>();
      for (int start = from; start < from + count; start += ROW_GROUP_ROWS) {
        int rows = Math.min(ROW_GROUP_ROWS, from + count - start);
        List<ChunkMeta> chunks = new ArrayList<>();
        for (ColumnData column : columns) {
          EncodedChunk chunk = ChunkCodec.encode(column, start, rows);
          CRC32C crc = new CRC32C();
          crc.update(chunk.stored());
          DurableFiles.writeFully(channel, ByteBuffer.wrap(chunk.stored()), position);
          chunks.add(new ChunkMeta(position, chunk.stored().length, (int) crc.getValue(),
              chunk.encoding(), chunk.compressed(), chunk.payloadLength(), chunk.zoneMap(),
              chunk.rawBytes()));
          position += chunk.stored().length;
        }
        groups.add(new RowGroupMeta(rows, chunks));
      }
      SegmentMeta meta = new SegmentMeta(types, groups);
      byte[] footer = SegmentFormat.footer(meta);
      CRC32C crc = new CRC32C();
      crc.update(footer);
      byte[] trailer = new ByteWriter(SegmentFormat.TRAILER_LENGTH).u32(footer.length)
          .u32((int) crc.getValue()).bytes(SegmentFormat.MAGIC).toByteArray();
      DurableFiles.writeFully(channel, ByteBuffer.wrap(footer), position);
      position += footer.length;
      DurableFiles.writeFully(channel, ByteBuffer.wrap(trailer), position);
      channel.force(true);
      return meta;
    } catch (IOException e) {
      throw DurableFiles.ioError("cannot write segment " + file, e);
    }
  }
}
