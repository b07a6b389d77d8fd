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

/** DROP TABLE | VIEW | SCHEMA | ROLE | INDEX [IF EXISTS] name [, ...] [CASCADE | RESTRICT]. */
public final class SqlDropStatement extends SqlDrop {
  /** What is dropped. */
  public enum Target {
    TABLE(SqlKind.DROP_TABLE),
    VIEW(SqlKind.DROP_VIEW),
    SCHEMA(SqlKind.DROP_SCHEMA),
    ROLE(SqlKind.OTHER_DDL),
    INDEX(SqlKind.DROP_INDEX);

    private final SqlOperator operator;

    Target(SqlKind kind) {
      this.operator = new SqlSpecialOperator("DROP " + name(), kind);
    }
  }

  public final Target target;
  public final SqlNodeList names;
  public final boolean cascade;

  public SqlDropStatement(SqlParserPos pos, Target target, boolean ifExists, SqlNodeList names,
      boolean cascade) {
    super(target.operator, pos, ifExists);
    this.target = target;
    this.names = names;
    this.cascade = cascade;
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
