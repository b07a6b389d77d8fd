package io.exapg.storage.table;

import java.util.LinkedHashMap;
import java.util.Map;

/** The writes of one transaction, invisible to others until the storage engine commits it. */
public final class StorageTransaction {
  private final Map<Long, PendingWrites> pending = new LinkedHashMap<>();
  private boolean finished;

  synchronized PendingWrites pendingFor(TableStorage table) {
    if (finished) {
      throw new IllegalStateException("transaction already finished");
    }
    return pending.computeIfAbsent(table.table().id(), id -> new PendingWrites(table));
  }

  /** This transaction's pending writes to a table, or null. */
  public synchronized PendingWrites pending(long tableId) {
    return pending.get(tableId);
  }

  /** The tables this transaction wrote to. */
  public synchronized java.util.List<PendingWrites> pendingTables() {
    return java.util.List.copyOf(pending.values());
  }

  public synchronized boolean hasWrites() {
    for (PendingWrites writes : pending.values()) {
      if (writes.rowCount() > 0) {
        return true;
      }
    }
    return false;
  }

  /** Discards every pending write. */
  public synchronized void rollback() {
    for (PendingWrites writes : pending.values()) {
      writes.discard();
    }
    pending.clear();
    finished = true;
  }
}
