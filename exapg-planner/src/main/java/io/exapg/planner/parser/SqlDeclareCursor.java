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
 * DECLARE name [BINARY] [INSENSITIVE] [[NO] SCROLL] CURSOR [WITH | WITHOUT HOLD] FOR query.
 */
public final class SqlDeclareCursor extends SqlCall {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("DECLARE CURSOR", SqlKind.OTHER);

  public final SqlIdentifier name;
  public final boolean binary;
  public final boolean scroll;
  public final boolean hold;
  public final SqlNode query;

  public SqlDeclareCursor(SqlParserPos pos, SqlIdentifier name, boolean binary, boolean scroll,
      boolean hold, SqlNode query) {
    super(pos);
    this.name = name;
    this.binary = binary;
    this.scroll = scroll;
    this.hold = hold;
    this.query = query;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(name, query);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("DECLARE");
    name.unparse(writer, 0, 0);
    writer.keyword(scroll ? "SCROLL CURSOR" : "CURSOR");
    if (hold) {
      writer.keyword("WITH HOLD");
    }
    writer.keyword("FOR");
    query.unparse(writer, 0, 0);
  }
}
