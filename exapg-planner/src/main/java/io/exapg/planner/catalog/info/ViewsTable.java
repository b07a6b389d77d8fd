package io.exapg.planner.catalog.info;

import io.exapg.core.type.DataType;
import io.exapg.planner.catalog.SystemTable;
import io.exapg.storage.StorageEngine;
import io.exapg.storage.catalog.ViewDef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** information_schema.views: each view with its query as written. */
final class ViewsTable extends SystemTable {
  private final StorageEngine storage;
  private final String database;

  ViewsTable(StorageEngine storage, String database) {
    super(new Columns()
        .add("table_catalog", DataType.TEXT)
        .add("table_schema", DataType.TEXT)
        .add("table_name", DataType.TEXT)
        .add("view_definition", DataType.TEXT)
        .add("check_option", DataType.TEXT)
        .add("is_updatable", DataType.TEXT)
        .add("is_insertable_into", DataType.TEXT)
        .add("is_trigger_updatable", DataType.TEXT)
        .add("is_trigger_deletable", DataType.TEXT)
        .add("is_trigger_insertable_into", DataType.TEXT));
    this.storage = storage;
    this.database = database;
  }

  @Override
  public List<List<Object>> rows() {
    List<List<Object>> rows = new ArrayList<>();
    for (ViewDef view : storage.catalog().views()) {
      rows.add(Arrays.asList(database, view.schema(), view.name(), view.query(), "NONE", "NO",
          "NO", "NO", "NO", "NO"));
    }
    return rows;
  }
}
