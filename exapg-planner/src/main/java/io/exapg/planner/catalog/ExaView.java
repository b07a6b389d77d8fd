package io.exapg.planner.catalog;

import io.exapg.planner.type.TypeMapping;
import io.exapg.storage.catalog.ViewDef;
import java.util.List;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A view as Calcite sees it: the row type recorded when it was created, and its query, parsed
 * and planned in place of every reference to it.
 */
public final class ExaView extends AbstractTable implements TranslatableTable {
  private final ViewDef definition;

  public ExaView(ViewDef definition) {
    this.definition = definition;
  }

  public ViewDef definition() {
    return definition;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return TypeMapping.columns(definition.columns(), typeFactory).build();
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable table) {
    RelDataType rowType = table.getRowType();
    RelNode query = context.expandView(rowType, definition.query(),
        definition.searchPath(), List.of(definition.schema(), definition.name())).project();
    return RelOptUtil.createCastRel(query, rowType, true);
  }
}
