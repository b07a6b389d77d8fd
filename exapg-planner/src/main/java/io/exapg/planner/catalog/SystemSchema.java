package io.exapg.planner.catalog;

import io.exapg.core.trace.QueryLog;
import io.exapg.storage.StorageEngine;
import java.util.Map;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/** exa_catalog: the system views, found without a schema name like PostgreSQL's pg_catalog. */
public final class SystemSchema extends AbstractSchema {
  public static final String NAME = "exa_catalog";

  private final StorageEngine storage;
  private final QueryLog queryLog;

  public SystemSchema(StorageEngine storage, QueryLog queryLog) {
    this.storage = storage;
    this.queryLog = queryLog;
  }

  @Override
  protected Map<String, Table> getTableMap() {
    return Map.of(ColumnStorageTable.NAME, new ColumnStorageTable(storage),
        TableStorageTable.NAME, new TableStorageTable(storage), TablesTable.NAME,
        new TablesTable(storage), ColumnStatisticsTable.NAME,
        new ColumnStatisticsTable(storage), QueryHistoryTable.NAME,
        new QueryHistoryTable(queryLog), StatementStatsTable.NAME,
        new StatementStatsTable(queryLog), TableIoTable.NAME,
        new TableIoTable(storage, queryLog), JoinTrafficTable.NAME,
        new JoinTrafficTable(storage, queryLog));
  }
}
