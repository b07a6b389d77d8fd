package io.exapg.planner.catalog.info;

import io.exapg.core.type.DataType;
import io.exapg.planner.catalog.SystemTable;
import io.exapg.planner.catalog.pg.PgOids;
import io.exapg.storage.StorageEngine;
import io.exapg.storage.catalog.Catalog;
import io.exapg.storage.catalog.ColumnDef;
import io.exapg.storage.catalog.IndexDef;
import io.exapg.storage.catalog.TableDef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * information_schema.table_constraints (primary keys, unique constraints, and NOT NULL columns
 * as CHECK constraints named as PostgreSQL names them) and key_column_usage (the columns of
 * primary keys and unique constraints).
 */
final class ConstraintsTable extends SystemTable {
  private final StorageEngine storage;
  private final String database;
  private final boolean keyColumns;

  private ConstraintsTable(Columns columns, StorageEngine storage, String database,
      boolean keyColumns) {
    super(columns);
    this.storage = storage;
    this.database = database;
    this.keyColumns = keyColumns;
  }

  static ConstraintsTable tableConstraints(StorageEngine storage, String database) {
    return new ConstraintsTable(new Columns()
        .add("constraint_catalog", DataType.TEXT)
        .add("constraint_schema", DataType.TEXT)
        .add("constraint_name", DataType.TEXT)
        .add("table_catalog", DataType.TEXT)
        .add("table_schema", DataType.TEXT)
        .add("table_name", DataType.TEXT)
        .add("constraint_type", DataType.TEXT)
        .add("is_deferrable", DataType.TEXT)
        .add("initially_deferred", DataType.TEXT)
        .add("enforced", DataType.TEXT)
        .add("nulls_distinct", DataType.TEXT), storage, database, false);
  }

  static ConstraintsTable keyColumnUsage(StorageEngine storage, String database) {
    return new ConstraintsTable(new Columns()
        .add("constraint_catalog", DataType.TEXT)
        .add("constraint_schema", DataType.TEXT)
        .add("constraint_name", DataType.TEXT)
        .add("table_catalog", DataType.TEXT)
        .add("table_schema", DataType.TEXT)
        .add("table_name", DataType.TEXT)
        .add("column_name", DataType.TEXT)
        .add("ordinal_position", DataType.INTEGER)
        .add("position_in_unique_constraint", DataType.INTEGER), storage, database, true);
  }

  @Override
  public List<List<Object>> rows() {
    Catalog catalog = storage.catalog();
    List<List<Object>> rows = new ArrayList<>();
    for (TableDef table : catalog.tables()) {
      for (IndexDef index : table.indexes()) {
        if (!index.constraint()) {
          continue;
        }
        if (!keyColumns) {
          rows.add(Arrays.asList(database, table.schema(), index.name(), database,
              table.schema(), table.name(), index.primary() ? "PRIMARY KEY" : "UNIQUE", "NO",
              "NO", "YES", index.primary() ? null : "YES"));
          continue;
        }
        for (int k = 0; k < index.columns().size(); k++) {
          rows.add(Arrays.asList(database, table.schema(), index.name(), database,
              table.schema(), table.name(), index.columns().get(k), k + 1, null));
        }
      }
      if (!keyColumns) {
        List<ColumnDef> columns = table.columns();
        for (int c = 0; c < columns.size(); c++) {
          if (!columns.get(c).nullable()) {
            String name = PgOids.namespace(catalog, table.schema()) + "_"
                + PgOids.relation(table.id()) + "_" + (c + 1) + "_not_null";
            rows.add(Arrays.asList(database, table.schema(), name, database, table.schema(),
                table.name(), "CHECK", "NO", "NO", "YES", null));
          }
        }
      }
    }
    return rows;
  }
}
