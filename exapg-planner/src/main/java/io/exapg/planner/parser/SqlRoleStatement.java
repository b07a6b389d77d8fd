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
 * CREATE ROLE | USER name [WITH] option ... and ALTER ROLE | USER name [WITH] option ... |
 * RENAME TO new. The options stay a list of words and literals as written; {@code RoleOptions}
 * reads them.
 */
public final class SqlRoleStatement extends SqlCall {
  private static final SqlOperator CREATE = new SqlSpecialOperator("CREATE ROLE",
      SqlKind.OTHER_DDL);
  private static final SqlOperator ALTER = new SqlSpecialOperator("ALTER ROLE",
      SqlKind.OTHER_DDL);

  public final boolean create;
  /** CREATE USER rather than CREATE ROLE: the role may log in unless told otherwise. */
  public final boolean user;
  public final SqlIdentifier name;
  public final SqlNodeList options;

  public SqlRoleStatement(SqlParserPos pos, boolean create, boolean user, SqlIdentifier name,
      SqlNodeList options) {
    super(pos);
    this.create = create;
    this.user = user;
    this.name = name;
    this.options = options;
  }

  @Override
  public SqlOperator getOperator() {
    return create ? CREATE : ALTER;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(name, options);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(create ? "CREATE" : "ALTER");
    writer.keyword(user ? "USER" : "ROLE");
    name.unparse(writer, 0, 0);
    for (SqlNode option : options) {
      option.unparse(writer, 0, 0);
    }
  }
}
