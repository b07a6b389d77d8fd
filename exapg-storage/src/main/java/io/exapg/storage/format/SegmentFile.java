package io.exapg.storage.format;

import io.exapg.core.exec.IoTier;
import io.exapg.core.exec.ScanStatistics;
import io.exapg.storage.io.ChunkCache;
import io.exapg.storage.io.DurableFiles;
import io.exapg.storage.io.Unmapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32C;

/**
 * An open segment: its footer in memory and a channel for positional reads of chunks, which
 * are verified against their checksums before use. Safe for concurrent reads.
 */
public final class SegmentFile implements AutoCloseable {
  private static final AtomicLong NEXT_ID = new AtomicLong();

  private final long id = NEXT_ID.incrementAndGet();
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
  /** The chunk's key in the node's caches. */
  public ChunkCache.Key key(ChunkMeta chunk) {
    return new ChunkCache.Key(id, chunk.offset());
  }

  public byte[] readChunk(ChunkMeta chunk) {
    return readChunk(chunk, null, null, 0);
  }

  /**
   * The stored bytes of one chunk: from the chunk cache if it holds them, else from the file,
   * telling pages already in the operating system's page cache (the kernel's mincore, through
   * {@link MappedByteBuffer#isLoaded}) from a read of the device. The read is charged to the
   * scan with its tier, bytes and time.
   *
   * @param cache the chunk cache, or null not to use one
   * @param statistics where the read is counted, or null
   * @param column the table column the chunk holds, for the statistics
   */
  public byte[] readChunk(ChunkMeta chunk, ChunkCache cache, ScanStatistics statistics,
      int column) {
    long start = System.nanoTime();
    ChunkCache.Key key = cache == null ? null : new ChunkCache.Key(id, chunk.offset());
    byte[] cached = cache == null ? null : cache.get(key);
    if (cached != null) {
      if (statistics != null) {
        statistics.chunkRead(column, IoTier.MEMORY, cached.length, System.nanoTime() - start);
      }
      return cached;
    }
    byte[] bytes = new byte[chunk.storedLength()];
    boolean resident;
    try {
      MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, chunk.offset(),
          chunk.storedLength());
      try {
        resident = mapped.isLoaded();
        mapped.get(bytes);
      } finally {
        Unmapper.unmap(mapped);
      }
    } catch (IOException e) {
      throw DurableFiles.ioError("cannot read segment " + path, e);
    }
    CRC32C crc = new CRC32C();
    crc.update(bytes);
    if ((int) crc.getValue() != chunk.checksum()) {
      throw SegmentFormat.corrupt(path.toString(),
          "chunk checksum mismatch at offset " + chunk.offset());
    }
    if (statistics != null) {
      statistics.chunkRead(column, resident ? IoTier.PAGE_CACHE : IoTier.DEVICE, bytes.length,
          System.nanoTime() - start);
    }
    if (cache != null) {
      cache.put(key, bytes);
    }
    return bytes;
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
