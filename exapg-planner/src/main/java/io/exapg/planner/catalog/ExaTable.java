package io.exapg.planner.catalog;

import io.exapg.planner.type.TypeMapping;
import io.exapg.storage.catalog.ColumnDef;
import io.exapg.storage.catalog.TableDef;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.impl.AbstractTable;

/** A stored table as Calcite sees it: its row type and row count. */
public final class ExaTable extends AbstractTable {
  private final TableDef definition;
  private final long rowCount;

  public ExaTable(TableDef definition, long rowCount) {
    this.definition = definition;
    this.rowCount = rowCount;
  }

  public TableDef definition() {
    return definition;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder builder = typeFactory.builder();
    for (ColumnDef column : definition.columns()) {
      builder.add(column.name(),
          TypeMapping.toRelDataType(column.type(), column.nullable(), typeFactory));
    }
    return builder.build();
  }

  @Override
  public Statistic getStatistic() {
    return Statistics.of(rowCount, List.of());
  }
}
