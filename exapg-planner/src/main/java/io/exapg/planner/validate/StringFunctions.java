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

/**
 * PostgreSQL's format(formatstr, args...) and the quoting functions it is made of; catalog
 * browsers build qualified names with them (format('%I.%I', schema, table)::regclass).
 */
final class StringFunctions {
  private static final SqlReturnTypeInference TEXT =
      ReturnTypes.explicit(SqlTypeName.VARCHAR).andThen(SqlTypeTransforms.TO_NULLABLE);
  private static final SqlOperandTypeChecker ANY_ONE = OperandTypes.ANY;

  static final List<String> NAMES = List.of("FORMAT", "QUOTE_IDENT", "QUOTE_LITERAL",
      "QUOTE_NULLABLE");

  static final List<SqlOperator> ALL = List.of(
      function("FORMAT", TEXT, OperandTypes.VARIADIC),
      function("QUOTE_IDENT", TEXT, OperandTypes.family(SqlTypeFamily.CHARACTER)),
      function("QUOTE_LITERAL", TEXT, ANY_ONE),
      function("QUOTE_NULLABLE", ReturnTypes.explicit(SqlTypeName.VARCHAR), ANY_ONE));

  private StringFunctions() {
  }

  private static SqlFunction function(String name, SqlReturnTypeInference returnType,
      SqlOperandTypeChecker operands) {
    return new SqlFunction(name, SqlKind.OTHER_FUNCTION, returnType, null, operands,
        SqlFunctionCategory.STRING);
  }
}
