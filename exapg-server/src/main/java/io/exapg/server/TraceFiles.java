package io.exapg.server;

import com.github.luben.zstd.Zstd;
import io.exapg.core.trace.QueryRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trace files: each traced statement appended, by a writer thread of its own so that no
 * statement waits for the disk, to its session's files in the trace directory,
 * session-PID.trc (text) and session-PID.trz (binary records, each a zstd frame).
 * A file past its limit (--trace-file-limit) becomes NAME.1 (replacing the previous one) and
 * starts anew; past the directory's limit in all (--trace-dir-limit), the oldest files go.
 * When statements are traced faster than the disk takes them, those past QUEUE_LIMIT waiting
 * are dropped from the files (not from the query history) and counted.
 */
final class TraceFiles implements AutoCloseable {
  static final int QUEUE_LIMIT = 10_000;
  private static final Logger LOG = LoggerFactory.getLogger(TraceFiles.class);
  private static final QueryRecord END = new QueryRecord(0, 0, "", "", 0, 0, 0, "", null,
      null, null, null);

  private final Path directory;
  private final long fileLimit;
  private final long directoryLimit;
  private final BlockingQueue<QueryRecord> pending = new ArrayBlockingQueue<>(QUEUE_LIMIT);
  private final AtomicLong dropped = new AtomicLong();
  private final Thread writer;

  TraceFiles(Path directory, long fileLimit, long directoryLimit) {
    this.directory = directory;
    this.fileLimit = fileLimit;
    this.directoryLimit = directoryLimit;
    this.writer = Thread.ofPlatform().daemon().name("exapg-trace-writer").start(this::drain);
  }

  /** Queues a statement with trace detail for its session's files; others are ignored. */
  void write(QueryRecord record) {
    if (record.detail() != null && !pending.offer(record)
        && dropped.getAndIncrement() % 1000 == 0) {
      LOG.warn("trace files fall behind: {} traced statements dropped from them so far",
          dropped.get());
    }
  }

  /** Traced statements left out of the files because the writer fell behind. */
  long dropped() {
    return dropped.get();
  }

  private void drain() {
    try {
      for (QueryRecord record = pending.take(); record != END; record = pending.take()) {
        writeNow(record);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Writes what is queued, then stops the writer. */
  @Override
  public void close() throws InterruptedException {
    pending.put(END);
    writer.join();
  }

  private void writeNow(QueryRecord record) {
    try {
      Files.createDirectories(directory);
      String base = "session-" + record.sessionId();
      // the binary record first: once the text shows a statement, both files hold it
      boolean rotated = append(directory.resolve(base + ".trz"),
          Zstd.compress(TraceFileFormat.binary(record)));
      rotated |= append(directory.resolve(base + ".trc"),
          TraceFileFormat.text(record).getBytes(StandardCharsets.UTF_8));
      if (rotated) {
        enforceDirectoryLimit();
      }
    } catch (IOException e) {
      LOG.warn("cannot write trace {} to {}: {}", record.traceId(), directory, e.getMessage());
    }
  }

  /** Appends, rotating first when the file would pass its limit; whether it rotated. */
  private boolean append(Path file, byte[] bytes) throws IOException {
    boolean rotate = Files.exists(file) && Files.size(file) + bytes.length > fileLimit;
    if (rotate) {
      Files.move(file, file.resolveSibling(file.getFileName() + ".1"),
          StandardCopyOption.REPLACE_EXISTING);
    }
    Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    return rotate;
  }

  private void enforceDirectoryLimit() throws IOException {
    List<Path> files;
    try (Stream<Path> listed = Files.list(directory)) {
      files = listed.filter(Files::isRegularFile).sorted(Comparator.comparingLong(
          TraceFiles::modified)).toList();
    }
    long total = 0;
    for (Path file : files) {
      total += Files.size(file);
    }
    for (Path file : files) {
      if (total <= directoryLimit) {
        break;
      }
      total -= Files.size(file);
      Files.deleteIfExists(file);
    }
  }

  private static long modified(Path file) {
    try {
      return Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      return Long.MAX_VALUE;
    }
  }
}
