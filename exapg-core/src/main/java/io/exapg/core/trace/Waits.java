package io.exapg.core.trace;

/**
 * Time the current thread spent waiting, by cause, since it started: a statement's trace
 * takes the difference between its start and its end on the session's thread. Waits happen
 * deep in storage and admission, which know nothing of statements; a thread-local sum lets
 * them report without passing a statement down every call.
 */
public final class Waits {
  /** What a thread waited for. */
  public enum Kind {
    /** The storage engine's commit lock (writers taking turns to publish). */
    LOCK,
    /** A free slot for a statement to run (--max-active-statements). */
    ADMISSION,
    /** The write-ahead log's fsync, including waiting for another thread's. */
    WAL_SYNC
  }

  private static final ThreadLocal<long[]> NANOS =
      ThreadLocal.withInitial(() -> new long[Kind.values().length]);

  private Waits() {
  }

  public static void add(Kind kind, long nanos) {
    NANOS.get()[kind.ordinal()] += nanos;
  }

  /** This thread's sums so far, indexed by {@link Kind#ordinal()}. */
  public static long[] sinceThreadStart() {
    return NANOS.get().clone();
  }
}
