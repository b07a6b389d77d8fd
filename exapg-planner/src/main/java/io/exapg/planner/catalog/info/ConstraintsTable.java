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
 * The information_schema views of constraints: table_constraints (primary keys, unique
 * constraints, and NOT NULL columns as CHECK constraints named as PostgreSQL names them),
 * key_column_usage and constraint_column_usage (the columns of primary keys and unique
 * constraints), check_constraints (the NOT NULL columns, "c IS NOT NULL") and
 * referential_constraints (empty: ExaPG refuses foreign keys).
 */
final class ConstraintsTable extends SystemTable {
  private enum View { TABLE_CONSTRAINTS, KEY_COLUMN_USAGE, CONSTRAINT_COLUMN_USAGE,
    CHECK_CONSTRAINTS, REFERENTIAL_CONSTRAINTS }

  private final StorageEngine storage;
  private final String database;
  private final View view;

  private ConstraintsTable(Columns columns, StorageEngine storage, String database, View view) {
    super(columns);
    this.storage = storage;
    this.database = database;
    this.view = view;
  }

  private static Columns constraintName() {
    return new Columns()
        .add("constraint_catalog", DataType.TEXT)
        .add("constraint_schema", DataType.TEXT)
        .add("constraint_name", DataType.TEXT);
  }

  static ConstraintsTable tableConstraints(StorageEngine storage, String database) {
    return new ConstraintsTable(constraintName()
        .add("table_catalog", DataType.TEXT)
        .add("table_schema", DataType.TEXT)
        .add("table_name", DataType.TEXT)
        .add("constraint_type", DataType.TEXT)
        .add("is_deferrable", DataType.TEXT)
        .add("initially_deferred", DataType.TEXT)
        .add("enforced", DataType.TEXT)
        .add("nulls_distinct", DataType.TEXT), storage, database, View.TABLE_CONSTRAINTS);
  }

  static ConstraintsTable keyColumnUsage(StorageEngine storage, String database) {
    return new ConstraintsTable(constraintName()
        .add("table_catalog", DataType.TEXT)
        .add("table_schema", DataType.TEXT)
        .add("table_name", DataType.TEXT)
        .add("column_name", DataType.TEXT)
        .add("ordinal_position", DataType.INTEGER)
        .add("position_in_unique_constraint", DataType.INTEGER), storage, database,
        View.KEY_COLUMN_USAGE);
  }

  static ConstraintsTable constraintColumnUsage(StorageEngine storage, String database) {
    return new ConstraintsTable(new Columns()
        .add("table_catalog", DataType.TEXT)
        .add("table_schema", DataType.TEXT)
        .add("table_name", DataType.TEXT)
        .add("column_name", DataType.TEXT)
        .add("constraint_catalog", DataType.TEXT)
        .add("constraint_schema", DataType.TEXT)
        .add("constraint_name", DataType.TEXT), storage, database,
        View.CONSTRAINT_COLUMN_USAGE);
  }

  static ConstraintsTable checkConstraints(StorageEngine storage, String database) {
    return new ConstraintsTable(constraintName()
        .add("check_clause", DataType.TEXT), storage, database, View.CHECK_CONSTRAINTS);
  }

  static ConstraintsTable referentialConstraints(StorageEngine storage, String database) {
    return new ConstraintsTable(constraintName()
        .add("unique_constraint_catalog", DataType.TEXT)
        .add("unique_constraint_schema", DataType.TEXT)
        .add("unique_constraint_name", DataType.TEXT)
        .add("match_option", DataType.TEXT)
        .add("update_rule", DataType.TEXT)
        .add("delete_rule", DataType.TEXT), storage, database,
        View.REFERENTIAL_CONSTRAINTS);
  }

  @Override
  public boolean alwaysEmpty() {
    return view == View.REFERENTIAL_CONSTRAINTS;
  }

  @Override
  public List<List<Object>> rows() {
    List<List<Object>> rows = new ArrayList<>();
    if (view == View.REFERENTIAL_CONSTRAINTS) {
      return rows;
    }
    Catalog catalog = storage.catalog();
    for (TableDef table : catalog.tables()) {
      for (IndexDef index : table.indexes()) {
        if (index.constraint()) {
          keyRows(table, index, rows);
        }
      }
      List<ColumnDef> columns = table.columns();
      for (int c = 0; c < columns.size(); c++) {
        if (columns.get(c).nullable()) {
          continue;
        }
        String name = PgOids.namespace(catalog, table.schema()) + "_"
            + PgOids.relation(table.id()) + "_" + (c + 1) + "_not_null";
        if (view == View.TABLE_CONSTRAINTS) {
          rows.add(Arrays.asList(database, table.schema(), name, database, table.schema(),
              table.name(), "CHECK", "NO", "NO", "YES", null));
        } else if (view == View.CHECK_CONSTRAINTS) {
          rows.add(Arrays.asList(database, table.schema(), name,
              columns.get(c).name() + " IS NOT NULL"));
        }
      }
    }
    return rows;
  }

  /** The rows a primary key or unique constraint gives the view. */
  private void keyRows(TableDef table, IndexDef index, List<List<Object>> rows) {
    switch (view) {
      case TABLE_CONSTRAINTS -> rows.add(Arrays.asList(database, table.schema(), index.name(),
          database, table.schema(), table.name(), index.primary() ? "PRIMARY KEY" : "UNIQUE",
          "NO", "NO", "YES", index.primary() ? null : "YES"));
      case KEY_COLUMN_USAGE -> {
        for (int k = 0; k < index.columns().size(); k++) {
          rows.add(Arrays.asList(database, table.schema(), index.name(), database,
              table.schema(), table.name(), index.columns().get(k), k + 1, null));
        }
      }
      case CONSTRAINT_COLUMN_USAGE -> {
        for (String column : index.columns()) {
          rows.add(Arrays.asList(database, table.schema(), table.name(), column, database,
              table.schema(), index.name()));
        }
      }
      default -> {
      }
    }
  }
}
