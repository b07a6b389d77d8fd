package io.exapg.planner.catalog.info;

import io.exapg.core.type.DataType;
import io.exapg.planner.catalog.SystemTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The columns of a wide information_schema view, all text except those named as integers or
 * timestamps, and its rows built by column name, every column not set being NULL.
 */
final class NamedRow {
  private final List<String> names;
  private final Object[] values;

  private NamedRow(List<String> names) {
    this.names = names;
    this.values = new Object[names.size()];
  }

  static SystemTable.Columns columns(List<String> names, Set<String> integers,
      Set<String> timestamps) {
    SystemTable.Columns columns = new SystemTable.Columns();
    for (String name : names) {
      columns.add(name, integers.contains(name) ? DataType.INTEGER
          : timestamps.contains(name) ? DataType.TIMESTAMP : DataType.TEXT);
    }
    return columns;
  }

  static NamedRow of(List<String> names) {
    return new NamedRow(names);
  }

  NamedRow set(String name, Object value) {
    int index = names.indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException("no column " + name);
    }
    values[index] = value;
    return this;
  }

  List<Object> values() {
    return new ArrayList<>(Arrays.asList(values));
  }
}
