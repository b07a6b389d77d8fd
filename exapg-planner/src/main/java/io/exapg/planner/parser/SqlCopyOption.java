package io.exapg.planner.parser;

import java.util.List;

/**
 * One option of a COPY statement as written: its name (lower case) and a value, a column
 * list, or * for all columns.
 */
public record SqlCopyOption(String name, String value, List<String> columns,
    boolean allColumns) {
  public SqlCopyOption {
    columns = List.copyOf(columns);
  }
}
