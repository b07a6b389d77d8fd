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

  protected SystemTable(Columns columns) {
    this(columns.names, columns.types);
  }

  /** Column names and types, listed side by side. */
  public static final class Columns {
    private final List<String> names = new java.util.ArrayList<>();
    private final List<DataType> types = new java.util.ArrayList<>();

    public Columns add(String name, DataType type) {
      names.add(name);
      types.add(type);
      return this;
    }
  }

  public List<DataType> types() {
    return types;
  }

  /** The rows as of now. */
  public abstract List<List<Object>> rows();

  /** Whether the table never has rows (catalogs of objects ExaPG does not have). */
  public boolean alwaysEmpty() {
    return false;
  }

  /** The rows as a session sees them; the same for every session unless overridden. */
  public List<List<Object>> rows(SessionView session) {
    return rows();
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder builder = typeFactory.builder();
    for (int c = 0; c < names.size(); c++) {
      builder.add(names.get(c), TypeMapping.toRelDataType(types.get(c), true, typeFactory));
    }
    return builder.build();
  }
}
