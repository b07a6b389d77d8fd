package io.exapg.planner.validate;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.fun.SqlCastFunction;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;

/**
 * PostgreSQL's "expr::type": Calcite's CAST, which also turns arrays into their text
 * ("indkey::varchar" is "1 2"); Calcite's own CAST knows arrays only as arrays.
 */
public final class PgCast extends SqlCastFunction {
  public static final PgCast INSTANCE = new PgCast();

  private PgCast() {
  }

  /** Whether a cast goes from an array to a string, which Calcite does not do itself. */
  public static boolean arrayToString(RelDataType from, RelDataType to) {
    return SqlTypeUtil.isArray(from) && SqlTypeUtil.isCharacter(to);
  }

  /**
   * Arrays to strings are typed here; other casts as Calcite types them, whose lookup by name
   * makes them Calcite's CAST.
   */
  @Override
  public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope,
      SqlCall call) {
    RelDataType from = validator.deriveType(scope, call.operand(0));
    RelDataType to = validator.deriveType(scope, call.operand(1));
    if (arrayToString(from, to)) {
      return validator.getTypeFactory().createTypeWithNullability(to, from.isNullable());
    }
    return super.deriveType(validator, scope, call);
  }

  @Override
  public RelDataType inferReturnType(SqlOperatorBinding binding) {
    RelDataType from = binding.getOperandType(0);
    RelDataType to = binding.getOperandType(1);
    if (arrayToString(from, to)) {
      return binding.getTypeFactory().createTypeWithNullability(to, from.isNullable());
    }
    return super.inferReturnType(binding);
  }

  @Override
  public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
    RelDataType from = SqlTypeUtil.deriveType(binding, binding.operand(0));
    RelDataType to = binding.getValidator().getValidatedNodeType(binding.operand(1));
    return arrayToString(from, to) || super.checkOperandTypes(binding, throwOnFailure);
  }
}
