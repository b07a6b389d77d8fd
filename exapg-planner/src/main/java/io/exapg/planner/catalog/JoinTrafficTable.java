package io.exapg.planner.catalog;

import io.exapg.core.trace.ColumnRef;
import io.exapg.core.trace.JoinTraffic;
import io.exapg.core.trace.QueryLog;
import io.exapg.core.type.DataType;
import io.exapg.storage.StorageEngine;
import io.exapg.storage.catalog.TableDef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * exa_join_traffic: per pair of join key columns, the hash joins queries ran on them since
 * the node started, the rows and estimated bytes that came in from each side, and the bytes a
 * cluster would have moved between nodes under the tables' DISTRIBUTE BY keys at the time:
 * where a DISTRIBUTE BY on the join keys would save the most.
 */
final class JoinTrafficTable extends SystemTable {
  static final String NAME = "exa_join_traffic";

  private final StorageEngine storage;
  private final QueryLog log;

  JoinTrafficTable(StorageEngine storage, QueryLog log) {
    super(new Columns()
        .add("left_table", DataType.TEXT)
        .add("left_columns", DataType.TEXT)
        .add("right_table", DataType.TEXT)
        .add("right_columns", DataType.TEXT)
        .add("joins", DataType.BIGINT)
        .add("left_rows", DataType.BIGINT)
        .add("right_rows", DataType.BIGINT)
        .add("left_bytes", DataType.BIGINT)
        .add("right_bytes", DataType.BIGINT)
        .add("moved_bytes", DataType.BIGINT));
    this.storage = storage;
    this.log = log;
  }

  @Override
  public List<List<Object>> rows() {
    List<List<Object>> rows = new ArrayList<>();
    for (JoinTraffic join : log.joins()) {
      TableDef left = storage.catalog().table(join.key().left().getFirst().tableId());
      TableDef right = storage.catalog().table(join.key().right().getFirst().tableId());
      if (left == null || right == null) {
        continue;
      }
      rows.add(Arrays.asList(left.qualifiedName(), names(left, join.key().left()),
          right.qualifiedName(), names(right, join.key().right()), join.joins(),
          join.leftRows(), join.rightRows(), join.leftBytes(), join.rightBytes(),
          join.movedBytes()));
    }
    return rows;
  }

  private static String names(TableDef table, List<ColumnRef> columns) {
    List<String> names = new ArrayList<>();
    for (ColumnRef column : columns) {
      names.add(column.column() < table.columns().size()
          ? table.columns().get(column.column()).name() : "?");
    }
    return String.join(", ", names);
  }
}
