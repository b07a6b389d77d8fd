package io.exapg.storage.table;

import java.util.TreeMap;

/**
 * The published database snapshot, and the snapshots transactions still read: files that only
 * older snapshots use may be deleted once none of those is pinned.
 */
public final class SnapshotRegistry {
  private final TreeMap<Long, Integer> pinned = new TreeMap<>();
  private volatile DatabaseSnapshot published;

  public SnapshotRegistry(DatabaseSnapshot initial) {
    this.published = initial;
  }

  public DatabaseSnapshot published() {
    return published;
  }

  /** Makes a newer snapshot the one new transactions read; older ones are ignored. */
  public synchronized void publish(DatabaseSnapshot snapshot) {
    if (snapshot.sequence() > published.sequence()) {
      published = snapshot;
    }
  }

  /** The published snapshot, pinned until {@link #unpin}. */
  public synchronized DatabaseSnapshot pin() {
    DatabaseSnapshot snapshot = published;
    pinned.merge(snapshot.sequence(), 1, Integer::sum);
    return snapshot;
  }

  public synchronized void unpin(DatabaseSnapshot snapshot) {
    pinned.computeIfPresent(snapshot.sequence(), (sequence, count) -> count == 1 ? null
        : count - 1);
  }

  /** No snapshot older than this sequence is in use, or can be pinned from now on. */
  public synchronized long horizon() {
    long horizon = published.sequence();
    return pinned.isEmpty() ? horizon : Math.min(horizon, pinned.firstKey());
  }
}
