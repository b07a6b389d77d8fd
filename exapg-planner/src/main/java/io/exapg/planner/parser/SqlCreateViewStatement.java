package io.exapg.planner.parser;

import java.util.List;
import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * CREATE [OR REPLACE] VIEW name [(columns)] AS query.
 *
 * @param queryLine line (from 1) of the statement text where the query starts
 * @param queryColumn column (from 1) of that line where the query starts
 */
public final class SqlCreateViewStatement extends SqlCreate {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("CREATE VIEW", SqlKind.CREATE_VIEW);

  public final SqlIdentifier name;
  /** The column names given after the view's name, or null. */
  public final SqlNodeList columns;
  public final SqlNode query;
  public final int queryLine;
  public final int queryColumn;

  public SqlCreateViewStatement(SqlParserPos pos, boolean replace, SqlIdentifier name,
      SqlNodeList columns, SqlNode query, int queryLine, int queryColumn) {
    super(OPERATOR, pos, replace, false);
    this.name = name;
    this.columns = columns;
    this.query = query;
    this.queryLine = queryLine;
    this.queryColumn = queryColumn;
  }

  /** The query's text: everything of the statement from where the query starts. */
  public String queryText(String statement) {
    int offset = 0;
    for (int line = 1; line < queryLine; line++) {
      offset = statement.indexOf('\n', offset) + 1;
    }
    String text = statement.substring(offset + queryColumn - 1).strip();
    while (text.endsWith(";")) {
      text = text.substring(0, text.length() - 1).strip();
    }
    return text;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return columns == null ? List.of(name, query) : List.of(name, columns, query);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(getReplace() ? "CREATE OR REPLACE VIEW" : "CREATE VIEW");
    name.unparse(writer, 0, 0);
    if (columns != null) {
      SqlWriter.Frame frame = writer.startList("(", ")");
      for (SqlNode column : columns) {
        writer.sep(",");
        column.unparse(writer, 0, 0);
      }
      writer.endList(frame);
    }
    writer.keyword("AS");
    query.unparse(writer, 0, 0);
  }
}
