package io.exapg.planner.parser;

import java.util.List;
import org.apache.calcite.sql.SqlDrop;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** DROP TABLE | VIEW [IF EXISTS] name [, ...] [CASCADE | RESTRICT]. */
public final class SqlDropStatement extends SqlDrop {
  private static final SqlOperator DROP_TABLE =
      new SqlSpecialOperator("DROP TABLE", SqlKind.DROP_TABLE);
  private static final SqlOperator DROP_VIEW =
      new SqlSpecialOperator("DROP VIEW", SqlKind.DROP_VIEW);

  public final SqlNodeList names;
  public final boolean cascade;

  public SqlDropStatement(SqlParserPos pos, boolean view, boolean ifExists, SqlNodeList names,
      boolean cascade) {
    super(view ? DROP_VIEW : DROP_TABLE, pos, ifExists);
    this.names = names;
    this.cascade = cascade;
  }

  /** Whether it drops views, not tables. */
  public boolean dropsViews() {
    return getOperator() == DROP_VIEW;
  }

  public List<SqlIdentifier> identifiers() {
    return names.stream().map(SqlIdentifier.class::cast).toList();
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(names);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(getOperator().getName());
    if (ifExists) {
      writer.keyword("IF EXISTS");
    }
    names.unparse(writer, 0, 0);
    if (cascade) {
      writer.keyword("CASCADE");
    }
  }
}
