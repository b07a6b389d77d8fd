package io.exapg.planner.catalog;

import java.lang.reflect.Type;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.TableFunction;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/** generate_series(start, stop [, step]): a table of one BIGINT column. */
public final class GenerateSeriesFunction implements TableFunction {
  public static final String NAME = "generate_series";

  private static FunctionParameter parameter(int ordinal, String name, boolean optional) {
    return new FunctionParameter() {
      @Override
      public int getOrdinal() {
        return ordinal;
      }

      @Override
      public String getName() {
        return name;
      }

      @Override
      public RelDataType getType(RelDataTypeFactory typeFactory) {
        return typeFactory.createSqlType(SqlTypeName.BIGINT);
      }

      @Override
      public boolean isOptional() {
        return optional;
      }
    };
  }

  @Override
  public List<FunctionParameter> getParameters() {
    return List.of(parameter(0, "start", false), parameter(1, "stop", false),
        parameter(2, "step", true));
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory,
      List<? extends @Nullable Object> arguments) {
    return typeFactory.builder().add(NAME, SqlTypeName.BIGINT).build();
  }

  @Override
  public Type getElementType(List<? extends @Nullable Object> arguments) {
    return Object[].class;
  }
}
