package io.exapg.planner.catalog.info;

import io.exapg.core.type.DataType;
import io.exapg.planner.catalog.SystemTable;
import io.exapg.storage.StorageEngine;
import io.exapg.storage.catalog.TableDef;
import io.exapg.storage.catalog.ViewDef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** information_schema.tables: the node's tables (BASE TABLE) and views (VIEW). */
final class TablesTable extends SystemTable {
  private final StorageEngine storage;
  private final String database;

  TablesTable(StorageEngine storage, String database) {
    super(new Columns()
        .add("table_catalog", DataType.TEXT)
        .add("table_schema", DataType.TEXT)
        .add("table_name", DataType.TEXT)
        .add("table_type", DataType.TEXT)
        .add("self_referencing_column_name", DataType.TEXT)
        .add("reference_generation", DataType.TEXT)
        .add("user_defined_type_catalog", DataType.TEXT)
        .add("user_defined_type_schema", DataType.TEXT)
        .add("user_defined_type_name", DataType.TEXT)
        .add("is_insertable_into", DataType.TEXT)
        .add("is_typed", DataType.TEXT)
        .add("commit_action", DataType.TEXT));
    this.storage = storage;
    this.database = database;
  }

  @Override
  public List<List<Object>> rows() {
    List<List<Object>> rows = new ArrayList<>();
    for (TableDef table : storage.catalog().tables()) {
      rows.add(row(table.schema(), table.name(), "BASE TABLE", "YES"));
    }
    for (ViewDef view : storage.catalog().views()) {
      rows.add(row(view.schema(), view.name(), "VIEW", "NO"));
    }
    return rows;
  }

  private List<Object> row(String schema, String name, String type, String insertable) {
    return Arrays.asList(database, schema, name, type, null, null, null, null, null,
        insertable, "NO", null);
  }
}
