package io.exapg.planner.validate;

import java.util.List;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;

/** PostgreSQL's array functions; ExprTranslator maps them onto the engine's array functions. */
final class ArrayFunctions {
  private static final SqlReturnTypeInference NULLABLE_INTEGER =
      ReturnTypes.explicit(SqlTypeName.INTEGER).andThen(SqlTypeTransforms.FORCE_NULLABLE);
  private static final SqlOperandTypeChecker ARRAY_AND_DIMENSION =
      OperandTypes.family(SqlTypeFamily.ARRAY, SqlTypeFamily.INTEGER);
  private static final SqlOperandTypeChecker TEXT_TWO_OR_THREE = OperandTypes.or(
      OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER),
      OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER,
          SqlTypeFamily.CHARACTER));

  static final List<SqlOperator> ALL = List.of(
      function("ARRAY_TO_STRING",
          ReturnTypes.explicit(SqlTypeName.VARCHAR).andThen(SqlTypeTransforms.TO_NULLABLE),
          OperandTypes.or(OperandTypes.family(SqlTypeFamily.ARRAY, SqlTypeFamily.CHARACTER),
              OperandTypes.family(SqlTypeFamily.ARRAY, SqlTypeFamily.CHARACTER,
                  SqlTypeFamily.CHARACTER))),
      function("ARRAY_UPPER", NULLABLE_INTEGER, ARRAY_AND_DIMENSION),
      function("ARRAY_LOWER", NULLABLE_INTEGER, ARRAY_AND_DIMENSION),
      function("ARRAY_LENGTH", NULLABLE_INTEGER, ARRAY_AND_DIMENSION),
      function("ARRAY_CAT", ReturnTypes.LEAST_RESTRICTIVE,
          OperandTypes.family(SqlTypeFamily.ARRAY, SqlTypeFamily.ARRAY)),
      function("STRING_TO_ARRAY", opBinding -> opBinding.getTypeFactory().createTypeWithNullability(
          opBinding.getTypeFactory().createArrayType(opBinding.getTypeFactory()
              .createTypeWithNullability(opBinding.getTypeFactory().createSqlType(
                  SqlTypeName.VARCHAR), true), -1), true), TEXT_TWO_OR_THREE));

  private ArrayFunctions() {
  }

  private static SqlFunction function(String name, SqlReturnTypeInference returnType,
      SqlOperandTypeChecker operands) {
    return new SqlFunction(name, SqlKind.OTHER_FUNCTION, returnType, null, operands,
        SqlFunctionCategory.SYSTEM);
  }
}
