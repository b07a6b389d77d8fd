package io.exapg.storage.catalog;

import java.util.List;

/**
 * A view: its query as written and the columns that query had when the view was created.
 *
 * @param query the SELECT (or VALUES, WITH) text, without the CREATE VIEW around it
 */
public record ViewDef(String schema, String name, String query, List<ColumnDef> columns) {
  public ViewDef {
    columns = List.copyOf(columns);
  }

  public String qualifiedName() {
    return schema + "." + name;
  }
}
