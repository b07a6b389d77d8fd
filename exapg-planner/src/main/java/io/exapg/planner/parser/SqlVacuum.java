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

/**
 * VACUUM [ANALYZE] [table, ...] compacts the tables' segments, ANALYZE [table, ...] gathers
 * their statistics, VACUUM ANALYZE does both; all tables when none is named.
 */
public final class SqlVacuum extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("VACUUM", SqlKind.OTHER);

  public final SqlNodeList names;
  public final boolean compact;
  public final boolean analyze;

  public SqlVacuum(SqlParserPos pos, SqlNodeList names, boolean compact, boolean analyze) {
    super(pos);
    this.names = names;
    this.compact = compact;
    this.analyze = analyze;
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
    writer.keyword(compact ? "VACUUM" : "ANALYZE");
    if (compact && analyze) {
      writer.keyword("ANALYZE");
    }
    names.unparse(writer, 0, 0);
  }
}
