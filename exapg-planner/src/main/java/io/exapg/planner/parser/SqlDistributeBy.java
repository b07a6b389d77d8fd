package io.exapg.planner.parser;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** DISTRIBUTE BY column [, ...]: a clause of CREATE TABLE or ALTER TABLE. */
public final class SqlDistributeBy extends SqlCall {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("DISTRIBUTE BY", SqlKind.OTHER);

  public final SqlNodeList columns;

  public SqlDistributeBy(SqlParserPos pos, SqlNodeList columns) {
    super(pos);
    this.columns = columns;
  }

  public List<String> columnNames() {
    return columns.stream().map(column -> ((SqlIdentifier) column).getSimple()).toList();
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(columns);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("DISTRIBUTE BY");
    SqlWriter.Frame frame = writer.startList("(", ")");
    columns.unparse(writer, 0, 0);
    writer.endList(frame);
  }
}
