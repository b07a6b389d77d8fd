package io.exapg.core.exec;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counters of one scan: rows produced, segments and row groups read and skipped, and every
 * chunk read with its tier, bytes and time, in all and per table column. Updated
 * concurrently by the scan's workers.
 */
public final class ScanStatistics {
  private final AtomicLong rows = new AtomicLong();
  private final AtomicLong rowsExamined = new AtomicLong();
  private final AtomicLong segmentsRead = new AtomicLong();
  private final AtomicLong segmentsSkipped = new AtomicLong();
  private final AtomicLong rowGroupsRead = new AtomicLong();
  private final AtomicLong rowGroupsSkipped = new AtomicLong();
  private final AtomicLong rowsFilteredByJoins = new AtomicLong();
  private final AtomicLongArray chunks = new AtomicLongArray(IoTier.values().length);
  private final AtomicLongArray bytes = new AtomicLongArray(IoTier.values().length);
  private final AtomicLongArray nanos = new AtomicLongArray(IoTier.values().length);
  /** Per table column: chunks, bytes and nanoseconds, three per tier. */
  private final Map<Integer, AtomicLongArray> columns = new ConcurrentHashMap<>();

  /** A segment (or in-memory container) whose zone maps let the scan in. */
  public void segmentRead() {
    segmentsRead.incrementAndGet();
  }

  /** A segment skipped whole: its zone maps rule out every row (partition pruning). */
  public void segmentSkipped() {
    segmentsSkipped.incrementAndGet();
  }

  /**
   * A row group read.
   *
   * @param examinedRows its rows
   * @param producedRows those left after deletes, predicates and join runtime filters
   */
  public void rowGroupRead(long examinedRows, long producedRows) {
    rowsExamined.addAndGet(examinedRows);
    rows.addAndGet(producedRows);
    rowGroupsRead.incrementAndGet();
  }

  /** Rows of the row groups read, before deletes, predicates and runtime filters. */
  public long rowsExamined() {
    return rowsExamined.get();
  }

  /** Rows that join runtime filters removed in the scan. */
  public void rowsFilteredByJoins(long count) {
    rowsFilteredByJoins.addAndGet(count);
  }

  public long rowsFilteredByJoins() {
    return rowsFilteredByJoins.get();
  }

  public void rowGroupSkipped() {
    rowGroupsSkipped.incrementAndGet();
  }

  /** A chunk of the table's column read from a tier. */
  public void chunkRead(int column, IoTier tier, long byteCount, long elapsedNanos) {
    chunks.incrementAndGet(tier.ordinal());
    bytes.addAndGet(tier.ordinal(), byteCount);
    nanos.addAndGet(tier.ordinal(), elapsedNanos);
    AtomicLongArray counters = columns.computeIfAbsent(column,
        c -> new AtomicLongArray(3 * IoTier.values().length));
    counters.incrementAndGet(3 * tier.ordinal());
    counters.addAndGet(3 * tier.ordinal() + 1, byteCount);
    counters.addAndGet(3 * tier.ordinal() + 2, elapsedNanos);
  }

  /** The table columns chunks were read of. */
  public Set<Integer> columnsRead() {
    return Set.copyOf(columns.keySet());
  }

  public long chunks(int column, IoTier tier) {
    return columnCounter(column, 3 * tier.ordinal());
  }

  public long bytes(int column, IoTier tier) {
    return columnCounter(column, 3 * tier.ordinal() + 1);
  }

  public long nanos(int column, IoTier tier) {
    return columnCounter(column, 3 * tier.ordinal() + 2);
  }

  private long columnCounter(int column, int index) {
    AtomicLongArray counters = columns.get(column);
    return counters == null ? 0 : counters.get(index);
  }

  public long rows() {
    return rows.get();
  }

  public long segmentsRead() {
    return segmentsRead.get();
  }

  public long segmentsSkipped() {
    return segmentsSkipped.get();
  }

  public long rowGroupsRead() {
    return rowGroupsRead.get();
  }

  public long rowGroupsSkipped() {
    return rowGroupsSkipped.get();
  }

  public long chunks(IoTier tier) {
    return chunks.get(tier.ordinal());
  }

  public long bytes(IoTier tier) {
    return bytes.get(tier.ordinal());
  }

  public long nanos(IoTier tier) {
    return nanos.get(tier.ordinal());
  }

  public long bytesRead() {
    long total = 0;
    for (IoTier tier : IoTier.values()) {
      total += bytes(tier);
    }
    return total;
  }

  /** One line for EXPLAIN ANALYZE. */
  public String describe() {
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
        "rows=%d segments_read=%d segments_skipped=%d row_groups_read=%d"
            + " row_groups_skipped=%d", rows(), segmentsRead(), segmentsSkipped(),
        rowGroupsRead(), rowGroupsSkipped()));
    if (rowsFilteredByJoins() > 0) {
      line.append(" rows_filtered_by_joins=").append(rowsFilteredByJoins());
    }
    for (IoTier tier : IoTier.values()) {
      line.append(String.format(Locale.ROOT, " %s=%d chunks/%d bytes/%.3f ms",
          tier.name().toLowerCase(Locale.ROOT), chunks(tier), bytes(tier), nanos(tier) / 1e6));
    }
    return line.toString();
  }
}
