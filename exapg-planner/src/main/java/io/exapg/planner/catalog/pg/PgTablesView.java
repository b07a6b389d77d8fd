package io.exapg.planner.catalog.pg;

import io.exapg.core.type.DataType;
import io.exapg.planner.catalog.SystemTable;
import io.exapg.storage.StorageEngine;
import io.exapg.storage.catalog.Catalog;
import io.exapg.storage.catalog.TableDef;
import io.exapg.storage.catalog.ViewDef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * pg_tables and pg_views: the node's tables and views with their owners; pg_matviews, empty
 * because ExaPG has no materialized views. The pg_catalog relations are system views here,
 * so they are not listed.
 */
final class PgTablesView extends SystemTable {
  enum Kind { TABLES, VIEWS, MATERIALIZED_VIEWS }

  private final StorageEngine storage;
  private final Kind kind;

  PgTablesView(StorageEngine storage, Kind kind) {
    super(columns(kind));
    this.storage = storage;
    this.kind = kind;
  }

  private static Columns columns(Kind kind) {
    return switch (kind) {
      case TABLES -> new Columns()
          .add("schemaname", DataType.TEXT)
          .add("tablename", DataType.TEXT)
          .add("tableowner", DataType.TEXT)
          .add("tablespace", DataType.TEXT)
          .add("hasindexes", DataType.BOOLEAN)
          .add("hasrules", DataType.BOOLEAN)
          .add("hastriggers", DataType.BOOLEAN)
          .add("rowsecurity", DataType.BOOLEAN);
      case VIEWS -> new Columns()
          .add("schemaname", DataType.TEXT)
          .add("viewname", DataType.TEXT)
          .add("viewowner", DataType.TEXT)
          .add("definition", DataType.TEXT);
      case MATERIALIZED_VIEWS -> new Columns()
          .add("schemaname", DataType.TEXT)
          .add("matviewname", DataType.TEXT)
          .add("matviewowner", DataType.TEXT)
          .add("tablespace", DataType.TEXT)
          .add("hasindexes", DataType.BOOLEAN)
          .add("ispopulated", DataType.BOOLEAN)
          .add("definition", DataType.TEXT);
    };
  }

  @Override
  public List<List<Object>> rows() {
    Catalog catalog = storage.catalog();
    Map<Integer, String> roles = PgDefinitions.roleNames(storage.access());
    List<List<Object>> rows = new ArrayList<>();
    if (kind == Kind.TABLES) {
      for (TableDef table : catalog.tables()) {
        rows.add(Arrays.asList(table.schema(), table.name(), owner(roles, table.id()), null,
            !table.indexes().isEmpty(), false, false, false));
      }
    } else if (kind == Kind.VIEWS) {
      for (ViewDef view : catalog.views()) {
        rows.add(Arrays.asList(view.schema(), view.name(), owner(roles, view.id()),
            view.query()));
      }
    }
    return rows;
  }

  private String owner(Map<Integer, String> roles, long objectId) {
    return roles.get((int) storage.access().owner(objectId));
  }

  @Override
  public boolean alwaysEmpty() {
    return kind == Kind.MATERIALIZED_VIEWS;
  }
}
