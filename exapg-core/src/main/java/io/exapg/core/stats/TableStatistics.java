package io.exapg.core.stats;

import java.util.List;

/**
 * Statistics of a table's rows, gathered on load and by ANALYZE.
 *
 * @param rows the rows they describe
 * @param columns one entry per table column
 */
public record TableStatistics(long rows, List<ColumnStatistics> columns) {
  public TableStatistics {
    columns = List.copyOf(columns);
  }
}
