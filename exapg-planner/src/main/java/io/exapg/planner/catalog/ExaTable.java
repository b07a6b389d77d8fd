package io.exapg.planner.catalog;

import io.exapg.core.type.DataType;
import io.exapg.planner.type.TypeMapping;
import io.exapg.storage.catalog.ColumnDef;
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

  public ExaTable(TableDef definition, long rowCount, boolean rowIds) {
    this.definition = definition;
    this.rowCount = rowCount;
    this.rowIds = rowIds;
  }

  public TableDef definition() {
    return definition;
  }

  public boolean hasRowIds() {
    return rowIds;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder builder = typeFactory.builder();
    for (ColumnDef column : definition.columns()) {
      builder.add(column.name(),
          TypeMapping.toRelDataType(column.type(), column.nullable(), typeFactory));
    }
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
