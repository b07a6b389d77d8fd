package io.exapg.core.table;

import io.exapg.core.exec.QueryContext;
import io.exapg.core.exec.Source;
import io.exapg.core.plan.ScanNode;

/**
 * What execution needs from storage, bound to the running statement's transaction: a
 * snapshot to scan and a place to write.
 */
public interface TableStore {
  /** A source over one consistent version of the table, cut into morsels. */
  Source openScan(ScanNode scan, QueryContext context);

  /** A writer whose rows become visible when the statement's transaction commits. */
  TableWriter openWriter(long tableId, QueryContext context);

  /** A deleter for rows read through {@link #openScan} with the row id column. */
  TableDeleter openDeleter(long tableId, QueryContext context);
}
