package io.exapg.core.trace;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Time the current thread spent waiting, by cause, since it started: a statement's trace
 * takes the difference between its start and its end on the session's thread. Waits happen
 * deep in storage and admission, which know nothing of statements; a thread-local sum lets
 * them report without passing a statement down every call.
 */
public final class Waits {
  /** What a thread waited for. */
  public enum Kind {
    /** The storage engine's commit lock (writers taking turns to publish) and schema lock. */
    LOCK,
    /** A free slot for a statement to run (--max-active-statements). */
    ADMISSION,
    /** The write-ahead log's fsync, including waiting for another thread's. */
    WAL_SYNC
  }

  private static final ThreadLocal<long[]> NANOS =
      ThreadLocal.withInitial(() -> new long[Kind.values().length]);

  /** How often a waiting thread looks at its cancel request and its deadline. */
  private static final long POLL_MILLIS = 20;

  private Waits() {
  }

  /**
   * Takes a permit, waiting as long as needed, and charges the wait to this thread.
   *
   * @param canceled an error when the wait must end (cancel request, statement timeout),
   *     else null; asked while waiting
   * @param what what is waited for, for the message when the thread is interrupted
   */
  public static void acquire(Semaphore permits, Kind kind, Supplier<ExaException> canceled,
      String what) {
    if (permits.tryAcquire()) {
      return;
    }
    long start = System.nanoTime();
    try {
      while (!permits.tryAcquire(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
        ExaException error = canceled.get();
        if (error != null) {
          throw error;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ExaException(SqlState.QUERY_CANCELED,
          "canceling statement: interrupted while waiting for " + what);
    } finally {
      add(kind, System.nanoTime() - start);
    }
  }

  public static void add(Kind kind, long nanos) {
    NANOS.get()[kind.ordinal()] += nanos;
  }

  /** This thread's sums so far, indexed by {@link Kind#ordinal()}. */
  public static long[] sinceThreadStart() {
    return NANOS.get().clone();
  }
}
