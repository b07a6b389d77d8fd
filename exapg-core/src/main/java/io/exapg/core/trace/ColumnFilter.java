package io.exapg.core.trace;

/**
 * How well zone maps served scans that filtered on a column (a predicate on it reached the
 * scan): how many such scans ran, the segments and row groups they read and skipped, and the
 * rows of the row groups read against the rows that passed (deletes, predicates and join
 * runtime filters). A scan filtering on several columns counts for each of them.
 */
public record ColumnFilter(long scans, long segmentsRead, long segmentsSkipped,
    long rowGroupsRead, long rowGroupsSkipped, long rowsExamined, long rowsPassed) {
  public static final ColumnFilter NONE = new ColumnFilter(0, 0, 0, 0, 0, 0, 0);

  public ColumnFilter plus(ColumnFilter other) {
    return new ColumnFilter(scans + other.scans, segmentsRead + other.segmentsRead,
        segmentsSkipped + other.segmentsSkipped, rowGroupsRead + other.rowGroupsRead,
        rowGroupsSkipped + other.rowGroupsSkipped, rowsExamined + other.rowsExamined,
        rowsPassed + other.rowsPassed);
  }

  /** Share of segments and row groups the zone maps skipped, 0 when none were considered. */
  public double skippedShare() {
    long skipped = segmentsSkipped + rowGroupsSkipped;
    long all = skipped + segmentsRead + rowGroupsRead;
    return all == 0 ? 0 : (double) skipped / all;
  }
}
