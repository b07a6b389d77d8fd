package io.exapg.planner.parser;

import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.validate.SqlValidator;

/** PostgreSQL's operators that Calcite's grammar lacks. */
public final class ExaOperators {
  /**
   * a ^ b, exponentiation: left-associative, binding tighter than * and / (and looser than
   * unary minus, so -2 ^ 2 is 4). The validator sees power(a, b) in its place.
   */
  public static final SqlBinaryOperator POWER = new SqlBinaryOperator("^", SqlKind.OTHER, 70,
      true, ReturnTypes.DOUBLE_NULLABLE, InferTypes.FIRST_KNOWN, OperandTypes.NUMERIC_NUMERIC) {
    @Override
    public SqlNode rewriteCall(SqlValidator validator, SqlCall call) {
      return SqlStdOperatorTable.POWER.createCall(call.getParserPosition(),
          call.getOperandList());
    }
  };

  private ExaOperators() {
  }
}
