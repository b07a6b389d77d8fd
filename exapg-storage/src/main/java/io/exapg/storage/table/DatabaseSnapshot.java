package io.exapg.storage.table;

import java.util.HashMap;
import java.util.Map;

/**
 * Every table at one moment: the unit of snapshot isolation. Immutable; the storage engine
 * makes a new one for every commit, checkpoint and table created or dropped.
 *
 * @param sequence increases with every new snapshot; tells which files a snapshot may use
 * @param lsn the log sequence number of the last commit it contains
 */
public record DatabaseSnapshot(long sequence, long lsn, Map<Long, TableSnapshot> tables) {
  public DatabaseSnapshot {
    tables = Map.copyOf(tables);
  }

  public TableSnapshot table(long tableId) {
    return tables.get(tableId);
  }

  /** The next snapshot: these tables replaced or added. */
  public DatabaseSnapshot with(long newLsn, Map<Long, TableSnapshot> changed) {
    Map<Long, TableSnapshot> all = new HashMap<>(tables);
    all.putAll(changed);
    return new DatabaseSnapshot(sequence + 1, newLsn, all);
  }

  /** The next snapshot: one table gone. */
  public DatabaseSnapshot without(long tableId) {
    Map<Long, TableSnapshot> all = new HashMap<>(tables);
    all.remove(tableId);
    return new DatabaseSnapshot(sequence + 1, lsn, all);
  }
}
