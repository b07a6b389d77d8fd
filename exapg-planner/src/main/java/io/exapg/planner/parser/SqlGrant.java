package io.exapg.planner.parser;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * GRANT privileges ON objects TO grantees, REVOKE privileges ON objects FROM grantees, and
 * GRANT role TO role / REVOKE role FROM role.
 */
public final class SqlGrant extends SqlCall {
  private static final SqlOperator GRANT = new SqlSpecialOperator("GRANT", SqlKind.OTHER_DDL);
  private static final SqlOperator REVOKE = new SqlSpecialOperator("REVOKE", SqlKind.OTHER_DDL);

  /** What the privileges are on; ROLE when roles are granted instead of privileges. */
  public enum ObjectKind {
    TABLE,
    SCHEMA,
    ALL_TABLES_IN_SCHEMA,
    DATABASE,
    ROLE
  }

  public final boolean revoke;
  /** The privilege names (upper case) or, for ROLE, the granted roles' names. */
  public final List<String> privileges;
  /** ALL [PRIVILEGES]. */
  public final boolean all;
  public final ObjectKind kind;
  /** The tables, schemas or database; empty for ROLE. */
  public final SqlNodeList objects;
  /** Role names; "public" for PUBLIC, CURRENT_USER and SESSION_USER as written. */
  public final List<String> grantees;
  /** WITH GRANT OPTION, WITH ADMIN OPTION or REVOKE GRANT OPTION FOR. */
  public final boolean grantOption;
  /** A column list was given after a privilege. */
  public final boolean columns;
  public final boolean cascade;

  public SqlGrant(SqlParserPos pos, boolean revoke, List<String> privileges, boolean all,
      ObjectKind kind, SqlNodeList objects, List<String> grantees, boolean grantOption,
      boolean columns, boolean cascade) {
    super(pos);
    this.revoke = revoke;
    this.privileges = List.copyOf(privileges);
    this.all = all;
    this.kind = kind;
    this.objects = objects;
    this.grantees = List.copyOf(grantees);
    this.grantOption = grantOption;
    this.columns = columns;
    this.cascade = cascade;
  }

  @Override
  public SqlOperator getOperator() {
    return revoke ? REVOKE : GRANT;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(objects);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(revoke ? "REVOKE" : "GRANT");
    writer.keyword(all ? "ALL" : String.join(", ", privileges));
    if (kind != ObjectKind.ROLE) {
      writer.keyword("ON " + kind.name().replace('_', ' '));
      objects.unparse(writer, 0, 0);
    }
    writer.keyword(revoke ? "FROM" : "TO");
    writer.keyword(String.join(", ", grantees));
  }
}
