package io.exapg.storage.wal;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.core.trace.Waits;
import io.exapg.storage.format.ByteReader;
import io.exapg.storage.format.ByteWriter;
import io.exapg.storage.io.DurableFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The write-ahead log: numbered files of checksummed records. Appends are serialized; {@link
 * #sync} makes a record durable with group commit (one fsync covers every record appended
 * before it started). On open, a torn or corrupt tail of the last file is cut off; damage
 * anywhere else is reported, never skipped.
 *
 * <p>File: "EXAWAL01", u64 LSN of the last record before this file, then records of [u32
 * body length][u32 CRC32C of body][body], body = [u8 type][u64 LSN][payload].
 */
public final class WriteAheadLog implements AutoCloseable {
  private static final byte[] MAGIC = "EXAWAL01".getBytes(StandardCharsets.US_ASCII);
  private static final int FILE_HEADER = 16;
  private static final int RECORD_HEADER = 8;

  private final Path directory;
  private final Object syncLock = new Object();
  private volatile LongConsumer syncListener = nanos -> { };
  private FileChannel channel;
  private long fileSequence;
  private long position;
  private long lastLsn;
  /** While opening: the last LSN read so far; the files must hold increasing LSNs. */
  private long readLsn;
  private long syncedLsn;
  private long bytesSinceRotation;

  private WriteAheadLog(Path directory) {
    this.directory = directory;
  }

  /**
   * Opens the log, handing every valid record, in order, to replay. New records get LSNs above
   * both the log's last one and minimumLsn (the highest LSN data files already reflect).
   */
  public static WriteAheadLog open(Path directory, long minimumLsn, Consumer<WalRecord> replay) {
    DurableFiles.createDirectories(directory);
    WriteAheadLog log = new WriteAheadLog(directory);
    List<Path> files = new ArrayList<>(log.files());
    if (!files.isEmpty() && log.hasTornHeader(files.get(files.size() - 1))) {
      try {
        Files.delete(files.remove(files.size() - 1));
      } catch (IOException e) {
        throw DurableFiles.ioError("cannot delete a torn log file", e);
      }
    }
    for (int i = 0; i < files.size(); i++) {
      log.replayFile(files.get(i), i == files.size() - 1, true, replay);
    }
    log.lastLsn = Math.max(minimumLsn, log.readLsn);
    if (files.isEmpty()) {
      log.fileSequence = 0;
      log.startNewFile();
    } else {
      Path last = files.get(files.size() - 1);
      log.fileSequence = sequenceOf(last);
      try {
        log.channel = FileChannel.open(last, StandardOpenOption.WRITE, StandardOpenOption.READ);
        log.position = log.channel.size();
      } catch (IOException e) {
        throw DurableFiles.ioError("cannot open " + last, e);
      }
    }
    log.syncedLsn = log.lastLsn;
    return log;
  }

  /**
   * Hands every valid record of the log in a directory to the consumer without opening the log
   * for writing or repairing a torn end (which {@link #open} does later).
   */
  public static void scan(Path directory, Consumer<WalRecord> records) {
    if (!Files.isDirectory(directory)) {
      return;
    }
    WriteAheadLog log = new WriteAheadLog(directory);
    List<Path> files = log.files();
    for (int i = 0; i < files.size(); i++) {
      if (!log.hasTornHeader(files.get(i))) {
        log.replayFile(files.get(i), i == files.size() - 1, false, records);
      }
    }
  }

  private List<Path> files() {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.filter(p -> p.getFileName().toString().endsWith(".wal")).sorted().toList();
    } catch (IOException e) {
      throw DurableFiles.ioError("cannot list " + directory, e);
    }
  }

  private static long sequenceOf(Path file) {
    String name = file.getFileName().toString();
    return Long.parseLong(name.substring(0, name.length() - 4));
  }

  private void replayFile(Path file, boolean isLast, boolean repair,
      Consumer<WalRecord> replay) {
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (IOException e) {
      throw DurableFiles.ioError("cannot read " + file, e);
    }
    if (content.length < FILE_HEADER
        || !Arrays.equals(content, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw corrupt(file, "not a write-ahead log file");
    }
    long startLsn = new ByteReader(content, MAGIC.length, 8).u64();
    if (startLsn < readLsn) {
      throw corrupt(file, "starts at log sequence number " + startLsn + " after " + readLsn);
    }
    readLsn = startLsn;
    int offset = FILE_HEADER;
    while (offset < content.length) {
      int validEnd = offset;
      if (content.length - offset < RECORD_HEADER) {
        tornTail(file, isLast, repair, validEnd, "truncated record header");
        return;
      }
      ByteReader header = new ByteReader(content, offset, RECORD_HEADER);
      int length = header.u32();
      int checksum = header.u32();
      if (length < 9 || length > content.length - offset - RECORD_HEADER) {
        tornTail(file, isLast, repair, validEnd, "truncated record");
        return;
      }
      CRC32C crc = new CRC32C();
      crc.update(content, offset + RECORD_HEADER, length);
      if ((int) crc.getValue() != checksum) {
        tornTail(file, isLast, repair, validEnd, "record checksum mismatch");
        return;
      }
      ByteReader body = new ByteReader(content, offset + RECORD_HEADER, length);
      int type = body.u8();
      long lsn = body.u64();
      if (lsn <= readLsn) {
        throw corrupt(file, "log sequence number " + lsn + " after " + readLsn);
      }
      byte[] payload = Arrays.copyOfRange(content, offset + RECORD_HEADER + 9,
          offset + RECORD_HEADER + length);
      readLsn = lsn;
      replay.accept(new WalRecord(lsn, type, payload));
      offset += RECORD_HEADER + length;
    }
  }

  /** The end of the last file may hold a record that was being written at a crash. */
  private void tornTail(Path file, boolean isLast, boolean repair, int validEnd,
      String reason) {
    if (!isLast) {
      throw corrupt(file, reason + " in the middle of the log");
    }
    if (repair) {
      truncate(file, validEnd);
    }
  }

  private static void truncate(Path file, long length) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(length);
      channel.force(true);
    } catch (IOException e) {
      throw DurableFiles.ioError("cannot truncate " + file, e);
    }
  }

  /** A crash while a new file was being started can leave it without its whole header. */
  private boolean hasTornHeader(Path file) {
    try {
      return Files.size(file) < FILE_HEADER;
    } catch (IOException e) {
      throw DurableFiles.ioError("cannot read " + file, e);
    }
  }

  private static ExaException corrupt(Path file, String detail) {
    return new ExaException(SqlState.DATA_CORRUPTED,
        "corrupt write-ahead log " + file + ": " + detail);
  }

  private void startNewFile() {
    fileSequence++;
    Path file = directory.resolve(String.format("%020d.wal", fileSequence));
    try {
      channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
          StandardOpenOption.READ);
      byte[] header = new ByteWriter(FILE_HEADER).bytes(MAGIC).u64(lastLsn).toByteArray();
      DurableFiles.writeFully(channel, ByteBuffer.wrap(header), 0);
      channel.force(true);
      position = FILE_HEADER;
    } catch (IOException e) {
      throw DurableFiles.ioError("cannot create " + file, e);
    }
    DurableFiles.syncDirectory(directory);
  }

  /** Appends a record (not yet durable) and returns its LSN. */
  public synchronized long append(int type, byte[] payload) {
    long lsn = lastLsn + 1;
    byte[] body = new ByteWriter(payload.length + 9).u8(type).u64(lsn).bytes(payload)
        .toByteArray();
    CRC32C crc = new CRC32C();
    crc.update(body);
    byte[] header = new ByteWriter(RECORD_HEADER).u32(body.length).u32((int) crc.getValue())
        .toByteArray();
    try {
      ByteBuffer record = ByteBuffer.allocate(header.length + body.length);
      record.put(header).put(body).flip();
      DurableFiles.writeFully(channel, record, position);
    } catch (IOException e) {
      throw DurableFiles.ioError("cannot write the write-ahead log", e);
    }
    position += header.length + body.length;
    bytesSinceRotation += header.length + body.length;
    lastLsn = lsn;
    return lsn;
  }

  /** Returns once the record with this LSN, and every one before it, is on disk. */
  public void sync(long lsn) {
    long start = System.nanoTime();
    try {
      synchronized (syncLock) {
        if (syncedLsn >= lsn) {
          return;
        }
        long target;
        FileChannel current;
        synchronized (this) {
          target = lastLsn;
          current = channel;
        }
        long forceStart = System.nanoTime();
        try {
          current.force(false);
        } catch (IOException e) {
          throw DurableFiles.ioError("cannot sync the write-ahead log", e);
        }
        syncListener.accept(System.nanoTime() - forceStart);
        syncedLsn = target;
      }
    } finally {
      Waits.add(Waits.Kind.WAL_SYNC, System.nanoTime() - start);
    }
  }

  /** Tells the listener the length of every fsync of a commit, in nanoseconds (metrics). */
  public void onSync(LongConsumer listener) {
    syncListener = listener;
  }

  public synchronized long lastLsn() {
    return lastLsn;
  }

  /** Bytes appended since the log was opened or last rotated. */
  public synchronized long bytesSinceRotation() {
    return bytesSinceRotation;
  }

  /**
   * Starts a new file and deletes all older ones: the caller guarantees that everything in
   * them is already durable elsewhere (a checkpoint).
   */
  public void rotateAndDeleteOld() {
    synchronized (syncLock) {
      synchronized (this) {
        List<Path> old = files();
        try {
          channel.force(true);
          channel.close();
        } catch (IOException e) {
          throw DurableFiles.ioError("cannot close the write-ahead log", e);
        }
        startNewFile();
        for (Path file : old) {
          try {
            Files.deleteIfExists(file);
          } catch (IOException e) {
            throw DurableFiles.ioError("cannot delete " + file, e);
          }
        }
        DurableFiles.syncDirectory(directory);
        bytesSinceRotation = 0;
        syncedLsn = lastLsn;
      }
    }
  }

  @Override
  public synchronized void close() {
    try {
      channel.force(true);
      channel.close();
    } catch (IOException e) {
      throw DurableFiles.ioError("cannot close the write-ahead log", e);
    }
  }

  /** Files currently making up the log, for tests and operations. */
  public List<Path> currentFiles() {
    return new ArrayList<>(files());
  }
}
