package io.exapg.planner.catalog;

import io.exapg.core.trace.ColumnFilter;
import io.exapg.core.trace.ColumnRef;
import io.exapg.core.trace.IoCounters;
import io.exapg.core.trace.QueryLog;
import io.exapg.core.type.DataType;
import io.exapg.storage.StorageEngine;
import io.exapg.storage.catalog.TableDef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * exa_table_io: per column of every table, the chunks queries have read of it since the node
 * started and from which I/O tier: where the reads go, and whether the chunk cache serves them.
 * For columns queries filtered on (a predicate reached the scan), how many such scans ran and
 * how many segments and row groups their zone maps skipped: whether the data's layout lets
 * the filter prune.
 */
final class TableIoTable extends SystemTable {
  static final String NAME = "exa_table_io";

  private final StorageEngine storage;
  private final QueryLog log;

  TableIoTable(StorageEngine storage, QueryLog log) {
    super(TierColumns.add(new Columns()
        .add("schema_name", DataType.TEXT)
        .add("table_name", DataType.TEXT)
        .add("column_name", DataType.TEXT))
        .add("filter_scans", DataType.BIGINT)
        .add("filter_segments_read", DataType.BIGINT)
        .add("filter_segments_skipped", DataType.BIGINT)
        .add("filter_row_groups_read", DataType.BIGINT)
        .add("filter_row_groups_skipped", DataType.BIGINT)
        .add("filter_rows_examined", DataType.BIGINT)
        .add("filter_rows_passed", DataType.BIGINT));
    this.storage = storage;
    this.log = log;
  }

  @Override
  public List<List<Object>> rows() {
    Map<ColumnRef, IoCounters> reads = log.columnIo();
    Map<ColumnRef, ColumnFilter> filters = log.filters();
    Set<ColumnRef> columns = new LinkedHashSet<>(reads.keySet());
    columns.addAll(filters.keySet());
    List<List<Object>> rows = new ArrayList<>();
    for (ColumnRef ref : columns) {
      TableDef table = storage.catalog().table(ref.tableId());
      int column = ref.column();
      if (table == null || column < 0 || column >= table.columns().size()) {
        continue;
      }
      List<Object> row = new ArrayList<>(Arrays.asList(table.schema(), table.name(),
          table.columns().get(column).name()));
      TierColumns.values(row, reads.getOrDefault(ref, IoCounters.NONE));
      ColumnFilter filter = filters.getOrDefault(ref, ColumnFilter.NONE);
      row.addAll(List.of(filter.scans(), filter.segmentsRead(), filter.segmentsSkipped(),
          filter.rowGroupsRead(), filter.rowGroupsSkipped(), filter.rowsExamined(),
          filter.rowsPassed()));
      rows.add(row);
    }
    return rows;
  }
}
