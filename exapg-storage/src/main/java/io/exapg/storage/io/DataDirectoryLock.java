package io.exapg.storage.io;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive operating-system lock on a data directory, so that a second node started on the
 * same directory fails at once instead of interleaving its writes with the first one's. The
 * operating system releases the lock when the process dies, so kill -9 leaves nothing stale.
 */
public final class DataDirectoryLock implements AutoCloseable {
  private static final String FILE_NAME = "exapg.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private DataDirectoryLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  public static DataDirectoryLock acquire(Path dataDirectory) {
    Path file = dataDirectory.resolve(FILE_NAME);
    FileChannel channel;
    try {
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw DurableFiles.ioError("cannot open " + file, e);
    }
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    } catch (IOException e) {
      closeQuietly(channel);
      throw DurableFiles.ioError("cannot lock " + file, e);
    }
    if (lock == null) {
      closeQuietly(channel);
      throw new ExaException(SqlState.OBJECT_IN_USE, "data directory " + dataDirectory
          + " is in use by another ExaPG process");
    }
    return new DataDirectoryLock(channel, lock);
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // The lock attempt already failed; that error is the one to report.
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw DurableFiles.ioError("cannot release the data directory lock", e);
    }
  }
}
