package io.exapg.planner.catalog;

import io.exapg.core.type.DataType;
import io.exapg.planner.type.TypeMapping;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A read-only view of the node's state (storage, later sessions and queries), computed when a
 * query reads it. Values are in their types' physical form (Long for BIGINT, String for TEXT).
 */
public abstract class SystemTable extends AbstractTable {
  private final List<String> names;
  private final List<DataType> types;

  protected SystemTable(List<String> names, List<DataType> types) {
    this.names = List.copyOf(names);
    this.types = List.copyOf(types);
  }

  public List<DataType> types() {
    return types;
  }

  /** The rows as of now. */
  public abstract List<List<Object>> rows();

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder builder = typeFactory.builder();
    for (int c = 0; c < names.size(); c++) {
      builder.add(names.get(c), TypeMapping.toRelDataType(types.get(c), true, typeFactory));
    }
    return builder.build();
  }
}
