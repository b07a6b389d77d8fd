package io.exapg.planner.parser;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/** COMMENT ON kind name IS 'text' | NULL: sets or (with NULL) removes an object's comment. */
public final class SqlComment extends SqlCall {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("COMMENT", SqlKind.OTHER_DDL);

  /** The kinds of object named; ExaPG keeps comments on the first four. */
  public enum ObjectKind { TABLE, VIEW, SCHEMA, COLUMN, INDEX, FUNCTION, ROLE, DATABASE,
    CONSTRAINT }

  public final ObjectKind kind;
  /** The object; for a column, relation.column (optionally schema-qualified). */
  public final SqlIdentifier name;
  /** The comment; null removes it. */
  public final @Nullable String text;

  public SqlComment(SqlParserPos pos, ObjectKind kind, SqlIdentifier name,
      @Nullable String text) {
    super(pos);
    this.kind = kind;
    this.name = name;
    this.text = text;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(name);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("COMMENT ON");
    writer.keyword(kind.name());
    name.unparse(writer, 0, 0);
    writer.keyword("IS");
    if (text == null) {
      writer.keyword("NULL");
    } else {
      SqlLiteral.createCharString(text, SqlParserPos.ZERO).unparse(writer, 0, 0);
    }
  }
}
