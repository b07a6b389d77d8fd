package io.exapg.planner.validate;

import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * E'...' strings: Calcite's parser gives them the UTF-16 character set, which no other string
 * can be compared or concatenated with; in PostgreSQL they are ordinary text.
 */
public final class EscapeStringLiterals extends SqlShuttle {
  private static final EscapeStringLiterals INSTANCE = new EscapeStringLiterals();

  private EscapeStringLiterals() {
  }

  public static SqlNode apply(SqlNode statement) {
    return statement.accept(INSTANCE);
  }

  @Override
  public SqlNode visit(SqlLiteral literal) {
    if (literal instanceof SqlCharStringLiteral string
        && string.getNlsString().getCharset() != null
        && string.getNlsString().getCharset().name().startsWith("UTF-16")) {
      return SqlLiteral.createCharString(string.getNlsString().getValue(),
          literal.getParserPosition());
    }
    return literal;
  }
}
