package io.exapg.planner.catalog;

import io.exapg.core.stats.ColumnStatistics;
import io.exapg.core.stats.TableStatistics;
import io.exapg.core.type.DataType;
import io.exapg.planner.type.TypeMapping;
import io.exapg.storage.catalog.TableDef;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A stored table as Calcite sees it: its row type and row count; with row ids, one more
 * column, {@link #ROW_ID_COLUMN}, names each row for DELETE and UPDATE.
 */
public final class ExaTable extends AbstractTable {
  public static final String ROW_ID_COLUMN = "exapg$rowid";

  private final TableDef definition;
  private final long rowCount;
  private final boolean rowIds;
  private final TableStatistics statistics;

  /** @param statistics what was gathered about the rows on load or by ANALYZE, or null */
  public ExaTable(TableDef definition, long rowCount, boolean rowIds,
      TableStatistics statistics) {
    this.definition = definition;
    this.rowCount = rowCount;
    this.rowIds = rowIds;
    this.statistics = statistics;
  }

  /** The statistics of one column, or null when none were gathered. */
  public ColumnStatistics columnStatistics(int column) {
    return statistics == null || column >= statistics.columns().size() ? null
        : statistics.columns().get(column);
  }

  public long rowCount() {
    return rowCount;
  }

  public TableDef definition() {
    return definition;
  }

  public boolean hasRowIds() {
    return rowIds;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder builder = TypeMapping.columns(definition.columns(), typeFactory);
    if (rowIds) {
      builder.add(ROW_ID_COLUMN, TypeMapping.toRelDataType(DataType.BIGINT, false,
          typeFactory));
    }
    return builder.build();
  }

  @Override
  public Statistic getStatistic() {
    return Statistics.of(rowCount, List.of());
  }
}
