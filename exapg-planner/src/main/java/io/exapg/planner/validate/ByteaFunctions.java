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
 * PostgreSQL's bytea functions with PostgreSQL's signatures, and length() of text or bytea. A string where bytea is expected
 * is read as bytea input, as PostgreSQL reads an untyped literal.
 */
final class ByteaFunctions {
  private static final SqlReturnTypeInference TEXT =
      ReturnTypes.explicit(SqlTypeName.VARCHAR).andThen(SqlTypeTransforms.TO_NULLABLE);
  private static final SqlReturnTypeInference BYTEA =
      ReturnTypes.explicit(SqlTypeName.VARBINARY).andThen(SqlTypeTransforms.TO_NULLABLE);
  private static final SqlOperandTypeChecker BYTES = OperandTypes.or(
      OperandTypes.family(SqlTypeFamily.BINARY), OperandTypes.family(SqlTypeFamily.CHARACTER));

  static final List<String> NAMES = List.of("ENCODE", "DECODE", "MD5", "SHA224", "SHA256",
      "SHA384", "SHA512", "GET_BYTE", "LENGTH");

  static final List<SqlOperator> ALL = List.of(
      function("ENCODE", TEXT, OperandTypes.or(
          OperandTypes.family(SqlTypeFamily.BINARY, SqlTypeFamily.CHARACTER),
          OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER))),
      function("DECODE", BYTEA,
          OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER)),
      function("LENGTH",
          ReturnTypes.explicit(SqlTypeName.INTEGER).andThen(SqlTypeTransforms.TO_NULLABLE),
          BYTES),
      function("MD5", TEXT, BYTES),
      function("SHA224", BYTEA, BYTES),
      function("SHA256", BYTEA, BYTES),
      function("SHA384", BYTEA, BYTES),
      function("SHA512", BYTEA, BYTES),
      function("GET_BYTE",
          ReturnTypes.explicit(SqlTypeName.INTEGER).andThen(SqlTypeTransforms.TO_NULLABLE),
          OperandTypes.or(OperandTypes.family(SqlTypeFamily.BINARY, SqlTypeFamily.INTEGER),
              OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.INTEGER))));

  private ByteaFunctions() {
  }

  private static SqlFunction function(String name, SqlReturnTypeInference returnType,
      SqlOperandTypeChecker operands) {
    return new SqlFunction(name, SqlKind.OTHER_FUNCTION, returnType, null, operands,
        SqlFunctionCategory.STRING);
  }
}
