package io.exapg.planner.catalog.pg;

import io.exapg.core.type.DataType;
import io.exapg.planner.catalog.SystemTable;
import io.exapg.storage.StorageEngine;
import io.exapg.storage.catalog.Catalog;
import io.exapg.storage.catalog.TableDef;
import io.exapg.storage.table.SegmentRef;
import io.exapg.storage.table.TableSnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * pg_stat_user_tables, with the figures ExaPG keeps: live rows, and rows deleted but not yet
 * purged by compaction (n_dead_tup). PostgreSQL's scan, tuple and vacuum counters are not
 * kept, so their columns are not offered.
 */
final class PgStatUserTablesTable extends SystemTable {
  private final StorageEngine storage;

  PgStatUserTablesTable(StorageEngine storage) {
    super(new Columns()
        .add("relid", DataType.INTEGER)
        .add("schemaname", DataType.TEXT)
        .add("relname", DataType.TEXT)
        .add("n_live_tup", DataType.BIGINT)
        .add("n_dead_tup", DataType.BIGINT));
    this.storage = storage;
  }

  @Override
  public List<List<Object>> rows() {
    Catalog catalog = storage.catalog();
    List<List<Object>> rows = new ArrayList<>();
    for (TableDef table : catalog.tables()) {
      TableSnapshot snapshot = storage.snapshot(table.id());
      long live = snapshot == null ? 0 : snapshot.rowCount();
      long stored = 0;
      if (snapshot != null) {
        for (SegmentRef segment : snapshot.segments()) {
          stored += segment.rowCount();
        }
      }
      rows.add(Arrays.asList(PgOids.relation(table.id()), table.schema(), table.name(), live,
          stored - live));
    }
    return rows;
  }
}
