package io.exapg.storage.table;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.roaringbitmap.RoaringBitmap;

/**
 * One transaction: the database snapshot it reads (taken at its first read or write), its
 * inserted rows and the positions it deleted, all invisible to others until the storage
 * engine commits it.
 */
public final class StorageTransaction {
  private final SnapshotRegistry registry;
  private final Map<Long, PendingWrites> pending = new LinkedHashMap<>();
  private final Map<Long, Map<Long, RoaringBitmap>> deletes = new LinkedHashMap<>();
  /** Tables this transaction created, as it sees them (its snapshot predates them). */
  private final Map<Long, TableSnapshot> created = new LinkedHashMap<>();
  private DatabaseSnapshot snapshot;
  private SchemaChange schemaChange;
  private Runnable undoSchemaChange;
  private boolean finished;

  public StorageTransaction(SnapshotRegistry registry) {
    this.registry = registry;
  }

  private void checkOpen() {
    if (finished) {
      throw new ExaException(SqlState.INVALID_TRANSACTION_STATE,
          "the transaction has already ended");
    }
  }

  /** The snapshot every statement of this transaction reads. */
  public synchronized DatabaseSnapshot snapshot() {
    checkOpen();
    if (snapshot == null) {
      snapshot = registry.pin();
    }
    return snapshot;
  }

  /** A table as this transaction sees it, or null when it does not exist for it. */
  public synchronized TableSnapshot table(long tableId) {
    TableSnapshot own = created.get(tableId);
    return own != null ? own : snapshot().table(tableId);
  }

  /** Makes a table this transaction created readable to it. */
  public synchronized void adopt(long tableId, TableSnapshot empty) {
    checkOpen();
    created.put(tableId, empty);
  }

  /** The catalog changes of this transaction block, or null when it made none. */
  public synchronized SchemaChange schemaChange() {
    return schemaChange;
  }

  /** Attaches the block's catalog changes and what undoes them if it does not commit. */
  public synchronized void attach(SchemaChange change, Runnable undo) {
    checkOpen();
    schemaChange = change;
    undoSchemaChange = undo;
  }

  synchronized PendingWrites pendingFor(TableStorage table) {
    checkOpen();
    return pending.computeIfAbsent(table.table().id(), id -> new PendingWrites(table));
  }

  /** This transaction's inserted rows for a table, or null. */
  public synchronized PendingWrites pending(long tableId) {
    return pending.get(tableId);
  }

  /** Adds a statement's deleted positions, by container id. */
  public synchronized void addDeletes(long tableId, Map<Long, RoaringBitmap> statement) {
    checkOpen();
    Map<Long, RoaringBitmap> table = deletes.computeIfAbsent(tableId,
        id -> new LinkedHashMap<>());
    for (Map.Entry<Long, RoaringBitmap> entry : statement.entrySet()) {
      table.merge(entry.getKey(), entry.getValue().clone(), (a, b) -> {
        a.or(b);
        return a;
      });
    }
  }

  /** Copies of the positions this transaction deleted in a table, by container id. */
  public synchronized Map<Long, RoaringBitmap> deletes(long tableId) {
    Map<Long, RoaringBitmap> copy = new LinkedHashMap<>();
    Map<Long, RoaringBitmap> table = deletes.get(tableId);
    if (table != null) {
      table.forEach((id, positions) -> copy.put(id, positions.clone()));
    }
    return copy;
  }

  /**
   * The transaction's row changes at a savepoint: its pending rows per table and container,
   * and the positions it had deleted.
   */
  public record RowsMark(Map<Long, Map<Long, Integer>> pendingRows,
      Map<Long, Map<Long, RoaringBitmap>> deletes) {
  }

  public synchronized RowsMark markRows() {
    checkOpen();
    Map<Long, Map<Long, Integer>> rows = new LinkedHashMap<>();
    pending.forEach((tableId, writes) -> {
      Map<Long, Integer> counts = new LinkedHashMap<>();
      for (SegmentRef container : writes.containers()) {
        counts.put(container.id(), container.rowCount());
      }
      rows.put(tableId, counts);
    });
    Map<Long, Map<Long, RoaringBitmap>> deleted = new LinkedHashMap<>();
    deletes.keySet().forEach(tableId -> deleted.put(tableId, deletes(tableId)));
    return new RowsMark(rows, deleted);
  }

  /**
   * ROLLBACK TO SAVEPOINT for rows: the deletes since the mark are forgotten, and the rows
   * inserted since count as deleted again by the transaction itself.
   */
  public synchronized void rollbackRows(RowsMark mark) {
    checkOpen();
    deletes.clear();
    mark.deletes().forEach((tableId, positions) -> {
      Map<Long, RoaringBitmap> copy = new LinkedHashMap<>();
      positions.forEach((id, bitmap) -> copy.put(id, bitmap.clone()));
      deletes.put(tableId, copy);
    });
    pending.forEach((tableId, writes) -> {
      Map<Long, Integer> before = mark.pendingRows().getOrDefault(tableId, Map.of());
      for (SegmentRef container : writes.containers()) {
        int from = before.getOrDefault(container.id(), 0);
        if (container.rowCount() > from) {
          deletes.computeIfAbsent(tableId, id -> new LinkedHashMap<>()).merge(container.id(),
              RoaringBitmap.bitmapOfRange(from, container.rowCount()), (a, b) -> {
                a.or(b);
                return a;
              });
        }
      }
    });
  }

  /** Drops what the transaction wrote to a table it created after a savepoint gone back to. */
  public synchronized void forgetTable(long tableId) {
    PendingWrites writes = pending.remove(tableId);
    if (writes != null) {
      writes.discard();
    }
    deletes.remove(tableId);
    created.remove(tableId);
  }

  /** Tables this transaction inserted into or deleted from. */
  public synchronized List<Long> tablesChanged() {
    Set<Long> ids = new LinkedHashSet<>(pending.keySet());
    ids.addAll(deletes.keySet());
    return new ArrayList<>(ids);
  }

  public synchronized boolean hasChanges() {
    for (PendingWrites writes : pending.values()) {
      if (!writes.containers().isEmpty()) {
        return true;
      }
    }
    for (Map<Long, RoaringBitmap> table : deletes.values()) {
      for (RoaringBitmap positions : table.values()) {
        if (!positions.isEmpty()) {
          return true;
        }
      }
    }
    return false;
  }

  /** Discards every change, catalog changes too, and ends the transaction. */
  public void rollback() {
    Runnable undo;
    synchronized (this) {
      if (finished) {
        return;
      }
      for (PendingWrites writes : pending.values()) {
        writes.discard();
      }
      pending.clear();
      deletes.clear();
      undo = undoSchemaChange;
      end();
    }
    if (undo != null) {
      undo.run();
    }
  }

  /** Ends the transaction, releasing its snapshot, once its changes are committed. */
  public synchronized void end() {
    finished = true;
    schemaChange = null;
    undoSchemaChange = null;
    created.clear();
    if (snapshot != null) {
      registry.unpin(snapshot);
      snapshot = null;
    }
  }
}
