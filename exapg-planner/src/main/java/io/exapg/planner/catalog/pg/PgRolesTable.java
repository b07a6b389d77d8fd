package io.exapg.planner.catalog.pg;

import io.exapg.core.type.Calendar;
import io.exapg.core.type.DataType;
import io.exapg.planner.catalog.SystemTable;
import io.exapg.storage.catalog.AccessControl;
import io.exapg.storage.catalog.RoleDef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * pg_roles, pg_user (the roles that may log in) and pg_auth_members, over the access catalog.
 * Passwords show as ******** as in PostgreSQL's views.
 */
final class PgRolesTable extends SystemTable {
  /** Which of the three views. */
  enum Kind {
    ROLES,
    USERS,
    MEMBERS
  }

  private static final String HIDDEN_PASSWORD = "********";

  private final AccessControl access;
  private final Kind kind;

  PgRolesTable(AccessControl access, Kind kind) {
    super(columns(kind));
    this.access = access;
    this.kind = kind;
  }

  private static Columns columns(Kind kind) {
    return switch (kind) {
      case ROLES -> new Columns()
          .add("rolname", DataType.TEXT)
          .add("rolsuper", DataType.BOOLEAN)
          .add("rolinherit", DataType.BOOLEAN)
          .add("rolcreaterole", DataType.BOOLEAN)
          .add("rolcreatedb", DataType.BOOLEAN)
          .add("rolcanlogin", DataType.BOOLEAN)
          .add("rolreplication", DataType.BOOLEAN)
          .add("rolconnlimit", DataType.INTEGER)
          .add("rolpassword", DataType.TEXT)
          .add("rolvaliduntil", DataType.TIMESTAMP)
          .add("rolbypassrls", DataType.BOOLEAN)
          .add("rolconfig", PgOids.TEXT_ARRAY)
          .add("oid", DataType.INTEGER);
      case USERS -> new Columns()
          .add("usename", DataType.TEXT)
          .add("usesysid", DataType.INTEGER)
          .add("usecreatedb", DataType.BOOLEAN)
          .add("usesuper", DataType.BOOLEAN)
          .add("userepl", DataType.BOOLEAN)
          .add("usebypassrls", DataType.BOOLEAN)
          .add("passwd", DataType.TEXT)
          .add("valuntil", DataType.TIMESTAMP)
          .add("useconfig", DataType.TEXT);
      case MEMBERS -> new Columns()
          .add("roleid", DataType.INTEGER)
          .add("member", DataType.INTEGER)
          .add("grantor", DataType.INTEGER)
          .add("admin_option", DataType.BOOLEAN);
    };
  }

  @Override
  public List<List<Object>> rows() {
    List<List<Object>> rows = new ArrayList<>();
    if (kind == Kind.MEMBERS) {
      for (long[] pair : access.memberships()) {
        rows.add(Arrays.asList((int) pair[0], (int) pair[1], PgOids.BOOTSTRAP_SUPERUSER,
            false));
      }
      return rows;
    }
    for (RoleDef role : access.roles()) {
      // The bootstrap superuser may replicate and bypass row security in PostgreSQL.
      boolean bootstrap = role.oid() == AccessControl.BOOTSTRAP_OID;
      Long validUntil = micros(role.validUntil());
      if (kind == Kind.ROLES) {
        rows.add(Arrays.asList(role.name(), role.superuser(), role.inherit(),
            role.createRole(), role.createDb(), role.login(), bootstrap,
            role.connectionLimit(), HIDDEN_PASSWORD, validUntil, bootstrap, null,
            (int) role.oid()));
      } else if (role.login()) {
        rows.add(Arrays.asList(role.name(), (int) role.oid(), role.createDb(),
            role.superuser(), bootstrap, bootstrap, HIDDEN_PASSWORD, validUntil, null));
      }
    }
    return rows;
  }

  private static Long micros(Instant instant) {
    return instant == null ? null
        : Calendar.micros(instant);
  }
}
