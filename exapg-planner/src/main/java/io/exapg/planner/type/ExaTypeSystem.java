package io.exapg.planner.type;

import io.exapg.core.type.DataType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Calcite's view of ExaPG's types: decimals of up to 18 digits (held as scaled longs), SUM of
 * integers as BIGINT, AVG of integers as DOUBLE PRECISION and of decimals with at least six
 * fractional digits, and strings of different lengths unioned as VARCHAR, as PostgreSQL does.
 */
public final class ExaTypeSystem extends RelDataTypeSystemImpl {
  public static final ExaTypeSystem INSTANCE = new ExaTypeSystem();
  /** NUMERIC without precision and scale. */
  public static final int DEFAULT_DECIMAL_SCALE = 6;

  private ExaTypeSystem() {
  }

  @Override
  public int getMaxPrecision(SqlTypeName typeName) {
    return switch (typeName) {
      case DECIMAL -> DataType.MAX_DECIMAL_PRECISION;
      case VARCHAR, CHAR -> 10_485_760;
      case TIMESTAMP, TIME -> 6;
      default -> super.getMaxPrecision(typeName);
    };
  }

  @Override
  public int getMaxScale(SqlTypeName typeName) {
    return typeName == SqlTypeName.DECIMAL ? DataType.MAX_DECIMAL_PRECISION
        : super.getMaxScale(typeName);
  }

  @Override
  public int getDefaultPrecision(SqlTypeName typeName) {
    return switch (typeName) {
      case DECIMAL -> DataType.MAX_DECIMAL_PRECISION;
      case TIMESTAMP -> 6;
      default -> super.getDefaultPrecision(typeName);
    };
  }

  @Override
  public int getDefaultScale(SqlTypeName typeName) {
    return typeName == SqlTypeName.DECIMAL ? DEFAULT_DECIMAL_SCALE
        : super.getDefaultScale(typeName);
  }

  @Override
  public boolean shouldConvertRaggedUnionTypesToVarying() {
    return true;
  }

  @Override
  public RelDataType deriveSumType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
    RelDataType sum = switch (argumentType.getSqlTypeName()) {
      case TINYINT, SMALLINT, INTEGER, BIGINT -> typeFactory.createSqlType(SqlTypeName.BIGINT);
      case DECIMAL -> typeFactory.createSqlType(SqlTypeName.DECIMAL,
          DataType.MAX_DECIMAL_PRECISION, argumentType.getScale());
      default -> argumentType;
    };
    return typeFactory.createTypeWithNullability(sum, argumentType.isNullable());
  }

  @Override
  public RelDataType deriveAvgAggType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
    RelDataType average;
    if (SqlTypeUtil.isDecimal(argumentType)) {
      int integerDigits = argumentType.getPrecision() - argumentType.getScale();
      int scale = Math.max(argumentType.getScale(),
          Math.min(DEFAULT_DECIMAL_SCALE, DataType.MAX_DECIMAL_PRECISION - integerDigits));
      average = typeFactory.createSqlType(SqlTypeName.DECIMAL, DataType.MAX_DECIMAL_PRECISION,
          scale);
    } else if (SqlTypeUtil.isExactNumeric(argumentType)) {
      average = typeFactory.createSqlType(SqlTypeName.DOUBLE);
    } else {
      average = argumentType;
    }
    return typeFactory.createTypeWithNullability(average, argumentType.isNullable());
  }
}
