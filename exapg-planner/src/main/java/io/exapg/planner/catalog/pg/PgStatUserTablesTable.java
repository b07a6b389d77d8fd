package io.exapg.planner.catalog.pg;

import io.exapg.core.type.DataType;
import io.exapg.planner.catalog.SystemTable;
import io.exapg.storage.StorageEngine;
import io.exapg.storage.catalog.Catalog;
import io.exapg.storage.catalog.TableDef;
import io.exapg.storage.table.StorageStatistics;
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
      StorageStatistics.TableStats stats = snapshot == null ? null
          : StorageStatistics.table(snapshot);
      long deleted = stats == null ? 0 : stats.deletedRows();
      rows.add(Arrays.asList(PgOids.relation(table.id()), table.schema(), table.name(),
          stats == null ? 0L : stats.rows() - deleted, deleted));
    }
    return rows;
  }
}
