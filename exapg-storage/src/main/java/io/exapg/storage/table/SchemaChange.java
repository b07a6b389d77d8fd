package io.exapg.storage.table;

import io.exapg.storage.catalog.CatalogJournal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The catalog changes of one transaction block, made while it holds the storage engine's
 * schema lock: the journal that undoes them, the tables it created (whose storage goes if it
 * does not commit) and the tables it dropped (whose storage goes only once it commits).
 */
public final class SchemaChange {
  private final CatalogJournal journal;
  private final Set<Long> created = new LinkedHashSet<>();
  private final Set<Long> dropped = new LinkedHashSet<>();

  public SchemaChange(CatalogJournal journal) {
    this.journal = journal;
  }

  public CatalogJournal journal() {
    return journal;
  }

  public synchronized void created(long tableId) {
    created.add(tableId);
  }

  public synchronized boolean isCreated(long tableId) {
    return created.contains(tableId);
  }

  public synchronized List<Long> createdTables() {
    return List.copyOf(created);
  }

  public synchronized void dropped(long tableId) {
    dropped.add(tableId);
  }

  public synchronized List<Long> droppedTables() {
    return List.copyOf(dropped);
  }

  /** After ROLLBACK TO SAVEPOINT: only what was created and dropped before it counts. */
  public synchronized void retain(List<Long> createdBefore, List<Long> droppedBefore) {
    created.retainAll(createdBefore);
    dropped.retainAll(droppedBefore);
  }
}
