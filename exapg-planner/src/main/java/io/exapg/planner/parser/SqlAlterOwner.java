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

/** ALTER TABLE | VIEW | SCHEMA [IF EXISTS] name OWNER TO role: another role owns it. */
public final class SqlAlterOwner extends SqlCall {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("ALTER OWNER", SqlKind.OTHER_DDL);

  /** What the statement alters. */
  public enum Kind { TABLE, VIEW, SCHEMA }

  public final Kind kind;
  public final boolean ifExists;
  public final SqlIdentifier name;
  /** The role's name, or CURRENT_USER, SESSION_USER, CURRENT_ROLE as written. */
  public final String owner;

  public SqlAlterOwner(SqlParserPos pos, Kind kind, boolean ifExists, SqlIdentifier name,
      String owner) {
    super(pos);
    this.kind = kind;
    this.ifExists = ifExists;
    this.name = name;
    this.owner = owner;
  }

  public String command() {
    return "ALTER " + kind.name();
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
    writer.keyword(command());
    name.unparse(writer, 0, 0);
    writer.keyword("OWNER TO");
    writer.identifier(owner, true);
  }
}
