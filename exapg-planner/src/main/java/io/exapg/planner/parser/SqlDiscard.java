package io.exapg.planner.parser;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * DISCARD ALL | PLANS | SEQUENCES | TEMP: resets what a session holds, as connection pools do
 * before handing a connection to the next user.
 */
public final class SqlDiscard extends SqlCall {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("DISCARD", SqlKind.OTHER);

  public enum What { ALL, PLANS, SEQUENCES, TEMP }

  public final What what;

  public SqlDiscard(SqlParserPos pos, What what) {
    super(pos);
    this.what = what;
  }

  /** The command tag, as PostgreSQL's. */
  public String command() {
    return "DISCARD " + what.name();
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of();
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(command());
  }
}
