package io.exapg.planner.validate;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.fun.SqlMonotonicBinaryOperator;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * PostgreSQL's date arithmetic, which Calcite's + and - do not allow: date + integer and
 * date - integer (days) give a date, and date - date gives the number of days between. For
 * every other operand
 * type they behave exactly as Calcite's. The operator table hands these out in place of
 * Calcite's, which the validator looks up again when it types a call.
 */
public final class DateArithmetic {
  public static final SqlOperator PLUS = new SqlMonotonicBinaryOperator("+", SqlKind.PLUS, 40,
      true, returnType(false), InferTypes.FIRST_KNOWN,
      new Checker(OperandTypes.PLUS_OPERATOR, false));

  public static final SqlOperator MINUS = new SqlMonotonicBinaryOperator("-", SqlKind.MINUS, 40,
      true, returnType(true), InferTypes.FIRST_KNOWN,
      new Checker(OperandTypes.MINUS_OPERATOR, true));

  /** Accepts the date forms, and otherwise whatever Calcite's operator accepts. */
  private record Checker(SqlOperandTypeChecker standard, boolean minus)
      implements SqlOperandTypeChecker {
    @Override
    public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
      SqlTypeName left = binding.getOperandType(0).getSqlTypeName();
      RelDataType right = binding.getOperandType(1);
      if (left == SqlTypeName.DATE && (SqlTypeUtil.isIntType(right)
          || (minus && right.getSqlTypeName() == SqlTypeName.DATE))) {
        return true;
      }
      if (!minus && right.getSqlTypeName() == SqlTypeName.DATE
          && SqlTypeUtil.isIntType(binding.getOperandType(0))) {
        return true;
      }
      return standard.checkOperandTypes(binding, throwOnFailure);
    }

    @Override
    public SqlOperandCountRange getOperandCountRange() {
      return standard.getOperandCountRange();
    }

    @Override
    public String getAllowedSignatures(SqlOperator operator, String name) {
      return standard.getAllowedSignatures(operator, name);
    }
  }

  private DateArithmetic() {
  }

  private static SqlReturnTypeInference returnType(boolean minus) {
    return (SqlOperatorBinding binding) -> {
      RelDataType left = binding.getOperandType(0);
      RelDataType right = binding.getOperandType(1);
      RelDataTypeFactory factory = binding.getTypeFactory();
      boolean nullable = left.isNullable() || right.isNullable();
      boolean leftDate = left.getSqlTypeName() == SqlTypeName.DATE;
      boolean rightDate = right.getSqlTypeName() == SqlTypeName.DATE;
      if (leftDate && rightDate && minus) {
        return factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.INTEGER),
            nullable);
      }
      if ((leftDate && SqlTypeUtil.isIntType(right))
          || (!minus && rightDate && SqlTypeUtil.isIntType(left))) {
        return factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.DATE),
            nullable);
      }
      return ReturnTypes.NULLABLE_SUM.inferReturnType(binding);
    };
  }
}
