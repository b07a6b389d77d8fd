package io.exapg.planner.validate;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql2rel.SqlRexContext;
import org.apache.calcite.sql2rel.SqlRexConvertlet;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.apache.calcite.sql2rel.StandardConvertletTable;

/** Calcite's conversions to row expressions, plus {@link PgCast}'s casts of arrays to text. */
public final class ExaConvertletTable implements SqlRexConvertletTable {
  public static final ExaConvertletTable INSTANCE = new ExaConvertletTable();

  /** Calcite's conversion of CAST, which converts PgCast's calls alike. */
  private static final SqlRexConvertlet CAST = StandardConvertletTable.INSTANCE.get(
      SqlStdOperatorTable.CAST.createCall(SqlParserPos.ZERO,
          SqlLiteral.createNull(SqlParserPos.ZERO),
          SqlLiteral.createSymbol(SqlTypeName.NULL, SqlParserPos.ZERO)));

  private ExaConvertletTable() {
  }

  @Override
  public SqlRexConvertlet get(SqlCall call) {
    if (call.getOperator() instanceof PgCast) {
      return ExaConvertletTable::convertPgCast;
    }
    return StandardConvertletTable.INSTANCE.get(call);
  }

  private static RexNode convertPgCast(SqlRexContext context, SqlCall call) {
    RelDataType from = context.getValidator().getValidatedNodeType(call.operand(0));
    RelDataType to = context.getValidator().getValidatedNodeType(call);
    if (PgCast.arrayToString(from, to)) {
      return context.getRexBuilder().makeAbstractCast(to,
          context.convertExpression(call.operand(0)), false);
    }
    return CAST.convertCall(context, call);
  }
}
