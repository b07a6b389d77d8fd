package io.exapg.planner.parser;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * FETCH or MOVE [direction] [FROM | IN] cursor. Only forward directions run: NEXT, n,
 * FORWARD [n], ALL, FORWARD ALL.
 */
public final class SqlFetchCursor extends SqlCall {
  private static final SqlOperator FETCH = new SqlSpecialOperator("FETCH", SqlKind.OTHER);
  private static final SqlOperator MOVE = new SqlSpecialOperator("MOVE", SqlKind.OTHER);

  public final boolean move;
  public final SqlIdentifier name;
  /** Rows to move forward; Long.MAX_VALUE for ALL. */
  public final long count;
  /** The direction as written when it is not a forward one (e.g. "BACKWARD"), else null. */
  public final String backward;

  public SqlFetchCursor(SqlParserPos pos, boolean move, SqlIdentifier name, long count,
      String backward) {
    super(pos);
    this.move = move;
    this.name = name;
    this.count = count;
    this.backward = backward;
  }

  @Override
  public SqlOperator getOperator() {
    return move ? MOVE : FETCH;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(name);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(move ? "MOVE" : "FETCH");
    writer.keyword(backward != null ? backward
        : count == Long.MAX_VALUE ? "ALL" : "FORWARD " + count);
    writer.keyword("FROM");
    name.unparse(writer, 0, 0);
  }
}
