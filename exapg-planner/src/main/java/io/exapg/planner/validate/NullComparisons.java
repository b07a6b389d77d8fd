package io.exapg.planner.validate;

import java.util.EnumSet;
import java.util.Set;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * A comparison with an operand that is NULL whatever the row (NULL, a cast of it, or
 * arithmetic on it) is NULL, as PostgreSQL evaluates it; written as such before the statement
 * becomes relational algebra, whose conversion of SELECT DISTINCT asks Calcite for pulled-up
 * predicates, and Calcite refuses comparisons with NULL there.
 */
public final class NullComparisons extends SqlShuttle {
  private static final NullComparisons INSTANCE = new NullComparisons();
  private static final Set<SqlKind> COMPARISONS = EnumSet.of(SqlKind.EQUALS,
      SqlKind.NOT_EQUALS, SqlKind.LESS_THAN, SqlKind.LESS_THAN_OR_EQUAL, SqlKind.GREATER_THAN,
      SqlKind.GREATER_THAN_OR_EQUAL);
  private static final Set<SqlKind> ARITHMETIC = EnumSet.of(SqlKind.PLUS, SqlKind.MINUS,
      SqlKind.TIMES, SqlKind.DIVIDE, SqlKind.MOD, SqlKind.MINUS_PREFIX, SqlKind.PLUS_PREFIX);

  private NullComparisons() {
  }

  public static SqlNode apply(SqlNode statement) {
    return statement.accept(INSTANCE);
  }

  @Override
  public SqlNode visit(SqlCall call) {
    if (COMPARISONS.contains(call.getKind()) && call.getOperandList().stream()
        .anyMatch(NullComparisons::alwaysNull)) {
      return SqlStdOperatorTable.CAST.createCall(call.getParserPosition(),
          SqlLiteral.createNull(call.getParserPosition()),
          new SqlDataTypeSpec(new SqlBasicTypeNameSpec(SqlTypeName.BOOLEAN,
              call.getParserPosition()), call.getParserPosition()));
    }
    return super.visit(call);
  }

  private static boolean alwaysNull(SqlNode node) {
    if (node instanceof SqlLiteral literal) {
      return literal.getTypeName() == SqlTypeName.NULL;
    }
    if (node instanceof SqlCall call && (call.getKind() == SqlKind.CAST
        || ARITHMETIC.contains(call.getKind()))) {
      return call.getKind() == SqlKind.CAST ? alwaysNull(call.operand(0))
          : call.getOperandList().stream().anyMatch(NullComparisons::alwaysNull);
    }
    return false;
  }
}
