package io.exapg.planner.engine;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.planner.catalog.SearchPath;
import io.exapg.storage.catalog.Catalog;
import io.exapg.storage.catalog.ColumnDef;
import io.exapg.storage.catalog.TableDef;
import io.exapg.storage.catalog.ViewDef;
import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;

/** The table or view a statement names, as the session's search path finds it. */
record NamedRelation(String schema, String name, TableDef table, ViewDef view) {
  /** The relation, or null when the name finds neither a table nor a view. */
  static NamedRelation find(Catalog catalog, SearchPath path, SqlIdentifier identifier) {
    String[] name = path.relation(catalog, identifier.names);
    TableDef table = catalog.table(name[0], name[1]);
    ViewDef view = catalog.view(name[0], name[1]);
    return table == null && view == null ? null
        : new NamedRelation(name[0], name[1], table, view);
  }

  /** The relation, or 42P01. */
  static NamedRelation require(Catalog catalog, SearchPath path, SqlIdentifier identifier) {
    NamedRelation relation = find(catalog, path, identifier);
    if (relation == null) {
      throw new ExaException(SqlState.UNDEFINED_TABLE,
          "relation \"" + String.join(".", identifier.names) + "\" does not exist");
    }
    return relation;
  }

  long id() {
    return table != null ? table.id() : view.id();
  }

  /** "table" or "view", as PostgreSQL's messages name them. */
  String kind() {
    return table != null ? "table" : "view";
  }

  List<ColumnDef> columns() {
    return table != null ? table.columns() : view.columns();
  }

  /** 42809 unless a view: for ALTER VIEW, which PostgreSQL refuses on tables. */
  NamedRelation requireView() {
    if (view == null) {
      throw new ExaException(SqlState.WRONG_OBJECT_TYPE, "\"" + name + "\" is not a view", 0,
          null, "Use ALTER TABLE instead.", null);
    }
    return this;
  }
}
