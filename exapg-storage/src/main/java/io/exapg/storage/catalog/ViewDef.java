package io.exapg.storage.catalog;

import java.util.List;

/**
 * A view: its query as written and the columns that query had when the view was created.
 *
 * @param id unique among the node's tables, views and schemas
 * @param query the SELECT (or VALUES, WITH) text, without the CREATE VIEW around it
 * @param searchPath the schemas the query's unqualified names were looked up in when the view
 *     was created; they are looked up there again whenever the view is used
 */
public record ViewDef(long id, String schema, String name, String query,
    List<ColumnDef> columns, List<String> searchPath) {
  public ViewDef {
    columns = List.copyOf(columns);
    searchPath = List.copyOf(searchPath);
  }

  public ViewDef withName(String newName) {
    return new ViewDef(id, schema, newName, query, columns, searchPath);
  }

  public ViewDef withColumnRenamed(String column, String newName) {
    return new ViewDef(id, schema, name, query, columns.stream()
        .map(c -> c.name().equals(column) ? new ColumnDef(newName, c.type(), c.nullable()) : c)
        .toList(), searchPath);
  }

  public String qualifiedName() {
    return schema + "." + name;
  }
}
