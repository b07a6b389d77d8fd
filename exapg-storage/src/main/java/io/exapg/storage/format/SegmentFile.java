package io.exapg.storage.format;

import io.exapg.storage.io.DurableFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * An open segment: its footer in memory and a channel for positional reads of chunks, which
 * are verified against their checksums before use. Safe for concurrent reads.
 */
public final class SegmentFile implements AutoCloseable {
  private final Path path;
  private final FileChannel channel;
  private final SegmentMeta meta;
  private final ZoneMap[] zones;

  private SegmentFile(Path path, FileChannel channel, SegmentMeta meta) {
    this.path = path;
    this.channel = channel;
    this.meta = meta;
    this.zones = new ZoneMap[meta.types().size()];
    for (RowGroupMeta group : meta.rowGroups()) {
      for (int c = 0; c < zones.length; c++) {
        ZoneMap zone = group.chunks().get(c).zoneMap();
        zones[c] = zones[c] == null ? zone : zones[c].union(zone);
      }
    }
  }

  public static SegmentFile open(Path path) {
    FileChannel channel = null;
    try {
      channel = FileChannel.open(path, StandardOpenOption.READ);
      long size = channel.size();
      String name = path.toString();
      if (size < SegmentFormat.HEADER_LENGTH + SegmentFormat.TRAILER_LENGTH) {
        throw SegmentFormat.corrupt(name, "file too short (" + size + " bytes)");
      }
      ByteBuffer header = ByteBuffer.allocate(SegmentFormat.HEADER_LENGTH);
      DurableFiles.readFully(channel, header, 0);
      SegmentFormat.checkHeader(header.array(), name);
      ByteBuffer trailer = ByteBuffer.allocate(SegmentFormat.TRAILER_LENGTH);
      DurableFiles.readFully(channel, trailer, size - SegmentFormat.TRAILER_LENGTH);
      ByteReader in = new ByteReader(trailer.array());
      int footerLength = in.u32();
      int footerChecksum = in.u32();
      if (!Arrays.equals(in.bytes(8), SegmentFormat.MAGIC) || footerLength < 0
          || footerLength > size - SegmentFormat.HEADER_LENGTH - SegmentFormat.TRAILER_LENGTH) {
        throw SegmentFormat.corrupt(name, "bad trailer");
      }
      ByteBuffer footer = ByteBuffer.allocate(footerLength);
      DurableFiles.readFully(channel, footer, size - SegmentFormat.TRAILER_LENGTH - footerLength);
      CRC32C crc = new CRC32C();
      crc.update(footer.array());
      if ((int) crc.getValue() != footerChecksum) {
        throw SegmentFormat.corrupt(name, "footer checksum mismatch");
      }
      SegmentFile file = new SegmentFile(path, channel,
          SegmentFormat.readFooter(footer.array(), name));
      channel = null;
      return file;
    } catch (IOException e) {
      throw DurableFiles.ioError("cannot read segment " + path, e);
    } finally {
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException ignored) {
          // the open failed already; that error is the one to report
        }
      }
    }
  }

  public Path path() {
    return path;
  }

  public SegmentMeta meta() {
    return meta;
  }

  /** The zone map of a column over the whole segment: its chunks' maps combined. */
  public ZoneMap zone(int column) {
    return zones[column];
  }

  /** The stored bytes of one chunk, after checking their checksum. */
  public byte[] readChunk(ChunkMeta chunk) {
    ByteBuffer buffer = ByteBuffer.allocate(chunk.storedLength());
    try {
      DurableFiles.readFully(channel, buffer, chunk.offset());
    } catch (IOException e) {
      throw DurableFiles.ioError("cannot read segment " + path, e);
    }
    CRC32C crc = new CRC32C();
    crc.update(buffer.array());
    if ((int) crc.getValue() != chunk.checksum()) {
      throw SegmentFormat.corrupt(path.toString(),
          "chunk checksum mismatch at offset " + chunk.offset());
    }
    return buffer.array();
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException ignored) {
      // closing a read-only channel loses nothing
    }
  }
}
