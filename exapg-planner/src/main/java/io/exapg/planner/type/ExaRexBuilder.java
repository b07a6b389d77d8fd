package io.exapg.planner.type;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Calcite folds casts of numeric literals at planning time, truncating fractions. PostgreSQL
 * rounds: half away from zero from numeric, half to even from floating point. This builder
 * folds those casts with PostgreSQL's rounding, and leaves casts that would overflow to run
 * (and fail with the right SQLSTATE) at execution.
 */
public final class ExaRexBuilder extends RexBuilder {
  public ExaRexBuilder(RelDataTypeFactory typeFactory) {
    super(typeFactory);
  }

  @Override
  public RexNode makeCast(SqlParserPos pos, RelDataType type, RexNode exp,
      boolean matchNullability, boolean safe, RexLiteral format) {
    if (exp instanceof RexLiteral literal && !literal.isNull() && format.isNull()
        && SqlTypeUtil.isExactNumeric(type) && SqlTypeUtil.isNumeric(literal.getType())) {
      BigDecimal value = literal.getValueAs(BigDecimal.class);
      if (value == null) {
        return super.makeCast(pos, type, exp, matchNullability, safe, format);
      }
      int scale = type.getSqlTypeName() == SqlTypeName.DECIMAL ? type.getScale() : 0;
      BigDecimal rounded = SqlTypeUtil.isApproximateNumeric(literal.getType()) && scale == 0
          ? BigDecimal.valueOf(Math.rint(value.doubleValue()))
          : value.setScale(scale, RoundingMode.HALF_UP);
      if (!fits(rounded, type)) {
        return makeAbstractCast(pos, type, exp, safe, format);
      }
      RexNode result = makeExactLiteral(rounded.setScale(scale, RoundingMode.UNNECESSARY),
          type);
      if (matchNullability && type.isNullable() && !result.getType().isNullable()) {
        return makeAbstractCast(pos, type, result, safe, format);
      }
      return result;
    }
    return super.makeCast(pos, type, exp, matchNullability, safe, format);
  }

  private static boolean fits(BigDecimal value, RelDataType type) {
    return switch (type.getSqlTypeName()) {
      case TINYINT, SMALLINT -> value.compareTo(BigDecimal.valueOf(Short.MIN_VALUE)) >= 0
          && value.compareTo(BigDecimal.valueOf(Short.MAX_VALUE)) <= 0;
      case INTEGER -> value.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) >= 0
          && value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0;
      case BIGINT -> value.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0
          && value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0;
      case DECIMAL -> value.signum() == 0
          || value.precision() - value.scale() <= type.getPrecision() - type.getScale();
      default -> false;
    };
  }
}
