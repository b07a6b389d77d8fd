package io.exapg.planner.parser;

import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** PostgreSQL's EXPLAIN [ANALYZE] [VERBOSE] statement, options as "NAME=VALUE" strings. */
public final class SqlExplainStatement extends SqlCall {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("EXPLAIN", SqlKind.EXPLAIN);

  public final SqlNode statement;
  public final List<String> options;

  public SqlExplainStatement(SqlParserPos pos, SqlNode statement, List<String> options) {
    super(pos);
    this.statement = statement;
    this.options = List.copyOf(options);
  }

  /** The value of an option, upper-cased, or null when the statement does not give it. */
  public String option(String name) {
    String prefix = name.toUpperCase(Locale.ROOT) + "=";
    for (String option : options) {
      if (option.startsWith(prefix)) {
        return option.substring(prefix.length());
      }
    }
    return null;
  }

  public boolean isEnabled(String name) {
    String value = option(name);
    return value != null && !value.equals("FALSE") && !value.equals("OFF") && !value.equals("0");
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(statement);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("EXPLAIN");
    if (!options.isEmpty()) {
      writer.print("(" + String.join(", ", options) + ") ");
    }
    statement.unparse(writer, 0, 0);
  }
}
