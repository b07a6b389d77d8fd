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

/** TRUNCATE [TABLE] name [, ...]: deletes every row of the tables. */
public final class SqlTruncateTable extends SqlCall {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("TRUNCATE TABLE", SqlKind.TRUNCATE_TABLE);

  public final SqlNodeList names;
  /** Options given that ExaPG does not implement, by name. */
  public final List<String> unsupported;

  public SqlTruncateTable(SqlParserPos pos, SqlNodeList names, List<String> unsupported) {
    super(pos);
    this.names = names;
    this.unsupported = List.copyOf(unsupported);
  }

  public List<SqlIdentifier> tableNames() {
    return names.stream().map(SqlIdentifier.class::cast).toList();
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(names);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("TRUNCATE TABLE");
    names.unparse(writer, 0, 0);
  }
}
