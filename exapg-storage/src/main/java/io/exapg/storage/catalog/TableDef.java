package io.exapg.storage.catalog;

import io.exapg.core.type.DataType;
import java.util.List;

/** A table's definition; ids are never reused, so data files can be told apart by id. */
public record TableDef(long id, String schema, String name, List<ColumnDef> columns) {
  public TableDef {
    columns = List.copyOf(columns);
  }

  public List<DataType> columnTypes() {
    return columns.stream().map(ColumnDef::type).toList();
  }

  public int columnIndex(String columnName) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(columnName)) {
        return i;
      }
    }
    return -1;
  }

  public String qualifiedName() {
    return schema + "." + name;
  }
}
