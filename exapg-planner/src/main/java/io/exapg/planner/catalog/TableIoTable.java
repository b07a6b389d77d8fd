package io.exapg.planner.catalog;

import io.exapg.core.trace.ColumnRef;
import io.exapg.core.trace.IoCounters;
import io.exapg.core.trace.QueryLog;
import io.exapg.core.type.DataType;
import io.exapg.storage.StorageEngine;
import io.exapg.storage.catalog.TableDef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * exa_table_io: per column of every table, the chunks queries have read of it since the node
 * started and from which I/O tier: where the reads go, and whether the chunk cache serves them.
 */
final class TableIoTable extends SystemTable {
  static final String NAME = "exa_table_io";

  private final StorageEngine storage;
  private final QueryLog log;

  TableIoTable(StorageEngine storage, QueryLog log) {
    super(TierColumns.add(new Columns()
        .add("schema_name", DataType.TEXT)
        .add("table_name", DataType.TEXT)
        .add("column_name", DataType.TEXT)));
    this.storage = storage;
    this.log = log;
  }

  @Override
  public List<List<Object>> rows() {
    List<List<Object>> rows = new ArrayList<>();
    for (Map.Entry<ColumnRef, IoCounters> entry : log.columnIo().entrySet()) {
      TableDef table = storage.catalog().table(entry.getKey().tableId());
      int column = entry.getKey().column();
      if (table == null || column < 0 || column >= table.columns().size()) {
        continue;
      }
      List<Object> row = new ArrayList<>(Arrays.asList(table.schema(), table.name(),
          table.columns().get(column).name()));
      TierColumns.values(row, entry.getValue());
      rows.add(row);
    }
    return rows;
  }
}
