package io.exapg.planner.type;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.core.type.DataType;
import io.exapg.storage.catalog.ColumnDef;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/** Conversions between Calcite's types and ExaPG's {@link DataType}. */
public final class TypeMapping {
  private TypeMapping() {
  }

  public static DataType toDataType(RelDataType type) {
    SqlTypeName name = type.getSqlTypeName();
    return switch (name) {
      case BOOLEAN -> DataType.BOOLEAN;
      case TINYINT, SMALLINT -> DataType.SMALLINT;
      case INTEGER -> DataType.INTEGER;
      case BIGINT -> DataType.BIGINT;
      case DECIMAL -> DataType.decimal(Math.max(1, type.getPrecision()), type.getScale());
      case REAL -> DataType.REAL;
      case FLOAT, DOUBLE -> DataType.DOUBLE;
      case CHAR -> type.getPrecision() <= 0 ? DataType.TEXT
          : DataType.fixedChar(type.getPrecision());
      case VARCHAR -> type.getPrecision() <= 0 || type.getPrecision() >= 10_485_760
          ? DataType.TEXT : DataType.varchar(type.getPrecision());
      case DATE -> DataType.DATE;
      case TIMESTAMP -> DataType.timestamp(type.getPrecision() < 0 ? 6
          : Math.min(6, type.getPrecision()));
      case NULL, UNKNOWN -> DataType.TEXT;
      case UUID -> DataType.UUID;
      case BINARY, VARBINARY -> DataType.BYTEA;
      case ARRAY -> type instanceof VectorSqlType
          ? DataType.vector(toDataType(type.getComponentType()))
          : DataType.array(toDataType(type.getComponentType()));
      default -> throw new ExaException(SqlState.FEATURE_NOT_SUPPORTED,
          "type " + name.getName().toLowerCase().replace('_', ' ') + " is not supported yet");
    };
  }

  /** A row type builder holding the given columns, in order. */
  public static RelDataTypeFactory.Builder columns(List<ColumnDef> columns,
      RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder builder = typeFactory.builder();
    for (ColumnDef column : columns) {
      builder.add(column.name(), toRelDataType(column.type(), column.nullable(), typeFactory));
    }
    return builder;
  }

  public static RelDataType toRelDataType(DataType type, boolean nullable,
      RelDataTypeFactory factory) {
    RelDataType relType = switch (type.id()) {
      case BOOLEAN -> factory.createSqlType(SqlTypeName.BOOLEAN);
      case SMALLINT -> factory.createSqlType(SqlTypeName.SMALLINT);
      case INTEGER -> factory.createSqlType(SqlTypeName.INTEGER);
      case BIGINT -> factory.createSqlType(SqlTypeName.BIGINT);
      case DECIMAL -> factory.createSqlType(SqlTypeName.DECIMAL, type.precision(), type.scale());
      case REAL -> factory.createSqlType(SqlTypeName.REAL);
      case DOUBLE -> factory.createSqlType(SqlTypeName.DOUBLE);
      case VARCHAR -> type.precision() == DataType.UNBOUNDED
          ? factory.createSqlType(SqlTypeName.VARCHAR)
          : factory.createSqlType(SqlTypeName.VARCHAR, type.precision());
      case CHAR -> factory.createSqlType(SqlTypeName.CHAR, type.precision());
      case DATE -> factory.createSqlType(SqlTypeName.DATE);
      case TIMESTAMP -> factory.createSqlType(SqlTypeName.TIMESTAMP, type.precision());
      case UUID -> factory.createSqlType(SqlTypeName.UUID);
      case BYTEA -> factory.createSqlType(SqlTypeName.VARBINARY);
      case ARRAY -> type.isVectorForm()
          ? new VectorSqlType(toRelDataType(type.element(), false, factory), nullable)
          : factory.createArrayType(toRelDataType(type.element(), true, factory), -1);
    };
    return factory.createTypeWithNullability(relType, nullable);
  }
}
