package io.exapg.planner.parser;

import java.util.ArrayList;
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

/**
 * COPY table [(columns)] FROM STDIN, or COPY table [(columns)] | (query) TO STDOUT, with
 * PostgreSQL's options as written (both the option list and the older keyword forms).
 */
public final class SqlCopy extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("COPY", SqlKind.OTHER);

  public final SqlIdentifier table;
  public final SqlNodeList columns;
  public final SqlNode query;
  public final boolean from;
  /** STDIN, STDOUT, FILE or PROGRAM. */
  public final String endpoint;
  public final List<SqlCopyOption> options;

  public SqlCopy(SqlParserPos pos, SqlIdentifier table, SqlNodeList columns, SqlNode query,
      boolean from, String endpoint, List<SqlCopyOption> options) {
    super(pos);
    this.table = table;
    this.columns = columns;
    this.query = query;
    this.from = from;
    this.endpoint = endpoint;
    this.options = List.copyOf(options);
  }

  /** The names of the columns listed after the table, or an empty list. */
  public List<String> columnNames() {
    List<String> names = new ArrayList<>();
    if (columns != null) {
      for (SqlNode column : columns) {
        names.add(((SqlIdentifier) column).getSimple());
      }
    }
    return names;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    List<SqlNode> operands = new ArrayList<>();
    operands.add(table != null ? table : query);
    return operands;
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("COPY");
    if (table != null) {
      table.unparse(writer, 0, 0);
    } else {
      writer.print("(");
      query.unparse(writer, 0, 0);
      writer.print(")");
    }
    writer.keyword(from ? "FROM" : "TO");
    writer.keyword(endpoint);
  }
}
