package io.exapg.planner.validate;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql2rel.SqlRexContext;
import org.apache.calcite.sql2rel.SqlRexConvertlet;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.apache.calcite.sql2rel.StandardConvertletTable;

/** Calcite's conversions to row expressions, with casts Calcite must not convert itself. */
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
    if (call.getKind() == SqlKind.CAST) {
      return ExaConvertletTable::convertCast;
    }
    return StandardConvertletTable.INSTANCE.get(call);
  }

  /**
   * Casts that Calcite would fold or convert by its own rules are left as casts for the
   * engine: arrays to text, and text to bytea and back, which PostgreSQL converts by bytea's
   * input and output functions (hex and escape forms), not character by character.
   */
  private static RexNode convertCast(SqlRexContext context, SqlCall call) {
    // casts the validator added itself (implicit coercion) may have no recorded types
    RelDataType from = context.getValidator().getValidatedNodeTypeIfKnown(call.operand(0));
    RelDataType to = context.getValidator().getValidatedNodeTypeIfKnown(call);
    if (from != null && to != null && (PgCast.arrayToString(from, to)
        || SqlTypeUtil.isCharacter(from) && SqlTypeUtil.isBinary(to)
        || SqlTypeUtil.isBinary(from) && SqlTypeUtil.isCharacter(to))) {
      return context.getRexBuilder().makeAbstractCast(to,
          context.convertExpression(call.operand(0)), false);
    }
    return call.getOperator() instanceof PgCast ? CAST.convertCall(context, call)
        : StandardConvertletTable.INSTANCE.get(call).convertCall(context, call);
  }
}
