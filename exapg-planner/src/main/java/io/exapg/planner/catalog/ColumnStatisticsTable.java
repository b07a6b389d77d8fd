package io.exapg.planner.catalog;

import io.exapg.core.stats.ColumnStatistics;
import io.exapg.core.stats.TableStatistics;
import io.exapg.core.type.DataType;
import io.exapg.storage.StorageEngine;
import io.exapg.storage.catalog.TableDef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * exa_column_statistics: what the planner knows of every column of every table with
 * statistics: the rows they describe, distinct values (estimated), null fraction, and the
 * smallest and largest value of numbers, dates (days since 1970-01-01) and timestamps
 * (microseconds).
 */
final class ColumnStatisticsTable extends SystemTable {
  static final String NAME = "exa_column_statistics";

  private final StorageEngine storage;

  ColumnStatisticsTable(StorageEngine storage) {
    super(List.of("schema_name", "table_name", "column_name", "row_count", "distinct_values",
        "null_fraction", "min_value", "max_value"), List.of(DataType.TEXT, DataType.TEXT,
        DataType.TEXT, DataType.BIGINT, DataType.BIGINT, DataType.DOUBLE, DataType.DOUBLE,
        DataType.DOUBLE));
    this.storage = storage;
  }

  @Override
  public List<List<Object>> rows() {
    List<List<Object>> rows = new ArrayList<>();
    for (TableDef table : storage.catalog().tables()) {
      TableStatistics statistics = storage.statistics().get(table.id());
      if (statistics == null) {
        continue;
      }
      for (int c = 0; c < table.columns().size() && c < statistics.columns().size(); c++) {
        ColumnStatistics column = statistics.columns().get(c);
        double nullFraction = statistics.rows() == 0 ? 0
            : (double) column.nulls() / statistics.rows();
        rows.add(Arrays.asList(table.schema(), table.name(), table.columns().get(c).name(),
            statistics.rows(), column.distinctCount(), nullFraction,
            column.hasRange() ? column.min() : null, column.hasRange() ? column.max() : null));
      }
    }
    return rows;
  }
}
