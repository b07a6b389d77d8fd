package io.exapg.core.memory;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import org.apache.arrow.memory.AllocationReservation;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Heap memory an operator holds (hash tables, sort indexes), charged against the same Arrow
 * allocator, and so the same budget, as the query's vectors. Grows in whole MiB.
 */
public final class MemoryReservation implements AutoCloseable {
  private static final long STEP = 1L << 20;

  private final AllocationReservation reservation;
  private final BufferAllocator allocator;
  private final String owner;
  private long used;
  private long reserved;
  private boolean closed;

  public MemoryReservation(BufferAllocator allocator, String owner) {
    this.allocator = allocator;
    this.reservation = allocator.newReservation();
    this.owner = owner;
  }

  /** Records that bytes more are in use; fails with SQLSTATE 53200 past the budget. */
  public void grow(long bytes) {
    used += bytes;
    while (used > reserved) {
      long step = (used - reserved + STEP - 1) / STEP * STEP;
      if (!reservation.add(step)) {
        throw outOfMemory(allocator, owner, step);
      }
      reserved += step;
    }
  }

  public long usedBytes() {
    return used;
  }

  /** Returns the memory to the budget; the bytes used stay readable. Idempotent. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      reservation.close();
    }
  }

  public static ExaException outOfMemory(BufferAllocator allocator, String owner, long request) {
    return new ExaException(SqlState.OUT_OF_MEMORY,
        "query memory limit exceeded: " + owner + " needed " + request + " more bytes with "
            + allocator.getAllocatedMemory() + " of " + allocator.getLimit() + " in use",
        0, null, "raise the session setting exapg.query_memory_limit or simplify the query",
        null);
  }
}
