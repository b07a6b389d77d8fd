package io.exapg.planner.engine;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.core.trace.Waits;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Bounds how many sessions execute queries at once (--max-active-statements): the others
 * wait in arrival order. Too many queries at once on a few cores only share them slower and
 * multiply the memory held; waiting is shown in pg_stat_activity, traced and measured. A
 * session holds one slot however many of its queries are open (cursors, streamed results),
 * so that it never waits for itself.
 */
public final class AdmissionControl {
  private final int limit;
  private final Semaphore slots;
  private final AtomicInteger waiting = new AtomicInteger();

  /** @param limit sessions executing at once; 0 for no limit */
  public AdmissionControl(int limit) {
    if (limit < 0) {
      throw new ExaException(SqlState.INVALID_PARAMETER_VALUE,
          "the number of active statements must be 0 (unlimited) or more, not " + limit);
    }
    this.limit = limit;
    this.slots = limit == 0 ? null : new Semaphore(limit, true);
  }

  public int limit() {
    return limit;
  }

  /** Sessions waiting for a slot now. */
  public int waiting() {
    return waiting.get();
  }

  /** Sessions holding a slot now; 0 without a limit. */
  public int running() {
    return slots == null ? 0 : limit - slots.availablePermits();
  }

  /**
   * Takes a slot, waiting as long as needed, and charges the wait to this thread.
   *
   * @param canceled an error when the wait must end (cancel request, statement timeout),
   *     else null; asked while waiting
   */
  void acquire(Supplier<ExaException> canceled) {
    if (slots == null || slots.tryAcquire()) {
      return;
    }
    waiting.incrementAndGet();
    try {
      Waits.acquire(slots, Waits.Kind.ADMISSION, canceled, "a slot to run in");
    } finally {
      waiting.decrementAndGet();
    }
  }

  void release() {
    if (slots != null) {
      slots.release();
    }
  }
}
