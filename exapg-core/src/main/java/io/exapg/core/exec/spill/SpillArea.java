package io.exapg.core.exec.spill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The server's folder for spill files. Emptied when the server starts, since files left
 * there belong to queries that died with an earlier process.
 */
public final class SpillArea {
  private final Path directory;
  private final AtomicLong queryNumbers = new AtomicLong();

  public SpillArea(Path directory) {
    this.directory = directory;
    deleteContents(directory);
  }

  /** The spill space of a new query, which may write at most limitBytes. */
  public SpillSpace newSpace(long limitBytes) {
    return new SpillSpace(directory, "q" + queryNumbers.incrementAndGet(), limitBytes);
  }

  private static void deleteContents(Path directory) {
    if (!Files.isDirectory(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        if (!path.equals(directory)) {
          Files.delete(path);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
