package io.exapg.storage.io;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** File operations that survive a crash once they return: fsync of files and directories. */
public final class DurableFiles {
  private DurableFiles() {
  }

  /** Makes a directory's entries (created, renamed, deleted files) durable. */
  public static void syncDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      throw ioError("cannot sync directory " + directory, e);
    }
  }

  /** Replaces a file with new content atomically: temp file, fsync, rename, directory fsync. */
  public static void writeAtomically(Path file, byte[] content) {
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE,
          StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        writeFully(channel, ByteBuffer.wrap(content), 0);
        channel.force(true);
      }
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      syncDirectory(file.getParent());
    } catch (IOException e) {
      throw ioError("cannot write " + file, e);
    }
  }

  public static void writeFully(FileChannel channel, ByteBuffer buffer, long position)
      throws IOException {
    long at = position;
    while (buffer.hasRemaining()) {
      at += channel.write(buffer, at);
    }
  }

  public static void readFully(FileChannel channel, ByteBuffer buffer, long position)
      throws IOException {
    long at = position;
    while (buffer.hasRemaining()) {
      int read = channel.read(buffer, at);
      if (read < 0) {
        throw new IOException("unexpected end of file at " + at);
      }
      at += read;
    }
  }

  public static void createDirectories(Path directory) {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw ioError("cannot create directory " + directory, e);
    }
  }

  /** Deletes a file if it is there; one left behind is unreferenced and cleaned at start. */
  public static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // removed at the next start, with every other file nothing refers to
    }
  }

  public static void deleteRecursively(Path path) {
    if (!Files.exists(path)) {
      return;
    }
    try (var paths = Files.walk(path)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw ioError("cannot delete " + path, e);
    }
  }

  public static ExaException ioError(String message, IOException cause) {
    if (cause.getMessage() != null && cause.getMessage().contains("No space left")) {
      return new ExaException(SqlState.DISK_FULL, message + ": " + cause.getMessage(), cause);
    }
    return new ExaException(SqlState.IO_ERROR, message + ": " + cause.getMessage(), cause);
  }
}
