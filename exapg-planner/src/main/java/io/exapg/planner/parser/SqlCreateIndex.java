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
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * CREATE [UNIQUE] INDEX [CONCURRENTLY] [[IF NOT EXISTS] name] ON [ONLY] table [USING method]
 * (column [ASC | DESC] [NULLS FIRST | LAST], ...).
 */
public final class SqlCreateIndex extends SqlCall {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("CREATE INDEX", SqlKind.CREATE_INDEX);

  public final boolean unique;
  public final boolean ifNotExists;
  public final @Nullable SqlIdentifier name;
  public final SqlIdentifier table;
  public final SqlNodeList columns;
  /** What the statement asks for that ExaPG does not do (INCLUDE, WHERE), or null. */
  public final @Nullable String unsupported;

  public SqlCreateIndex(SqlParserPos pos, boolean unique, boolean ifNotExists,
      @Nullable SqlIdentifier name, SqlIdentifier table, SqlNodeList columns,
      @Nullable String unsupported) {
    super(pos);
    this.unique = unique;
    this.ifNotExists = ifNotExists;
    this.name = name;
    this.table = table;
    this.columns = columns;
    this.unsupported = unsupported;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(table, columns);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(unique ? "CREATE UNIQUE INDEX" : "CREATE INDEX");
    if (name != null) {
      name.unparse(writer, 0, 0);
    }
    writer.keyword("ON");
    table.unparse(writer, 0, 0);
    columns.unparse(writer, 0, 0);
  }
}
