package io.exapg.planner.catalog.pg;

import io.exapg.planner.catalog.SystemTable;
import java.util.List;

/**
 * A pg_catalog table whose rows do not depend on the node's catalog: fixed ones (pg_am,
 * pg_tablespace) or none yet (pg_index, pg_constraint, ... for objects ExaPG does not have).
 */
final class PgFixedTable extends SystemTable {
  private final List<List<Object>> rows;

  PgFixedTable(Columns columns, List<List<Object>> rows) {
    super(columns);
    this.rows = rows;
  }

  @Override
  public List<List<Object>> rows() {
    return rows;
  }

  @Override
  public boolean alwaysEmpty() {
    return rows.isEmpty();
  }
}
