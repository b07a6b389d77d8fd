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
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trace files: each traced statement appended to its session's files in the trace
 * directory, session-PID.trc (text) and session-PID.trz (binary records, each a zstd frame).
 * A file past its limit (--trace-file-limit) becomes NAME.1 (replacing the previous one) and
 * starts anew; past the directory's limit in all (--trace-dir-limit), the oldest files go.
 */
final class TraceFiles {
  private static final Logger LOG = LoggerFactory.getLogger(TraceFiles.class);

  private final Path directory;
  private final long fileLimit;
  private final long directoryLimit;

  TraceFiles(Path directory, long fileLimit, long directoryLimit) {
    this.directory = directory;
    this.fileLimit = fileLimit;
    this.directoryLimit = directoryLimit;
  }

  /** Appends a statement with trace detail to its session's files; others are ignored. */
  synchronized void write(QueryRecord record) {
    if (record.detail() == null) {
      return;
    }
    try {
      Files.createDirectories(directory);
      String base = "session-" + record.sessionId();
      boolean rotated = append(directory.resolve(base + ".trc"),
          TraceFileFormat.text(record).getBytes(StandardCharsets.UTF_8));
      rotated |= append(directory.resolve(base + ".trz"),
          Zstd.compress(TraceFileFormat.binary(record)));
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
