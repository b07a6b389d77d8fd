package io.exapg.core.exec.spill;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One query's temporary files: where its operators put rows that do not fit its memory
 * budget, bounded by its spill limit. Closing it deletes every file it made.
 */
public final class SpillSpace implements AutoCloseable {
  private static final SpillSpace DISABLED = new SpillSpace(null, "", 0);

  private final Path directory;
  private final String prefix;
  private final long limitBytes;
  private final AtomicLong writtenBytes = new AtomicLong();
  private final AtomicInteger fileNumbers = new AtomicInteger();
  private final List<SpillFile> files = new ArrayList<>();

  SpillSpace(Path directory, String prefix, long limitBytes) {
    this.directory = directory;
    this.prefix = prefix;
    this.limitBytes = limitBytes;
  }

  /** A space that allows no spilling: operators past the memory budget fail with 53200. */
  public static SpillSpace disabled() {
    return DISABLED;
  }

  public boolean enabled() {
    return directory != null;
  }

  public SpillFile newFile() {
    if (!enabled()) {
      throw new IllegalStateException("spilling is disabled for this query");
    }
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new ExaException(SqlState.IO_ERROR, "could not create spill directory "
          + directory + ": " + e.getMessage());
    }
    SpillFile file = new SpillFile(this,
        directory.resolve(prefix + "-" + fileNumbers.incrementAndGet() + ".arrow"));
    synchronized (files) {
      files.add(file);
    }
    return file;
  }

  /** Counts bytes written to a file of this space; fails with 53200 past the limit. */
  void charge(long bytes) {
    long total = writtenBytes.addAndGet(bytes);
    if (total > limitBytes) {
      throw new ExaException(SqlState.OUT_OF_MEMORY,
          "query spill limit exceeded: " + total + " bytes written to disk, limit "
              + limitBytes, 0, null,
          "raise the session setting exapg.query_spill_limit or exapg.query_memory_limit",
          null);
    }
  }

  /** Spill files this query has made so far. */
  public int filesMade() {
    return fileNumbers.get();
  }

  /** Bytes this query has written to spill files so far. */
  public long writtenBytes() {
    return writtenBytes.get();
  }

  @Override
  public void close() {
    synchronized (files) {
      for (SpillFile file : files) {
        try {
          file.close();
        } catch (RuntimeException e) {
          // The area is emptied again when the server starts; nothing else depends on it.
        }
      }
      files.clear();
    }
  }
}
