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
import org.checkerframework.checker.nullness.qual.Nullable;

/** CLOSE cursor | ALL. */
public final class SqlCloseCursor extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("CLOSE", SqlKind.OTHER);

  /** The cursor, or null for ALL. */
  public final @Nullable SqlIdentifier name;

  public SqlCloseCursor(SqlParserPos pos, @Nullable SqlIdentifier name) {
    super(pos);
    this.name = name;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return name == null ? List.of() : List.of(name);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("CLOSE");
    if (name == null) {
      writer.keyword("ALL");
    } else {
      name.unparse(writer, 0, 0);
    }
  }
}
