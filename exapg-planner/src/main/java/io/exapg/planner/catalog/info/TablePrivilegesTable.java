package io.exapg.planner.catalog.info;

import io.exapg.core.type.DataType;
import io.exapg.planner.catalog.SessionView;
import io.exapg.planner.catalog.SystemTable;
import io.exapg.storage.StorageEngine;
import io.exapg.storage.catalog.AccessControl;
import io.exapg.storage.catalog.Privilege;
import io.exapg.storage.catalog.RoleDef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * information_schema.table_privileges (and role_table_grants): one row per privilege on a
 * table or view, its owner's own and those granted, as the session may see them: where one
 * of its roles is the grantor or the grantee, or (table_privileges only) PUBLIC is the
 * grantee; superusers see all.
 */
final class TablePrivilegesTable extends SystemTable {
  private final StorageEngine storage;
  private final String database;
  private final boolean withPublic;

  private TablePrivilegesTable(StorageEngine storage, String database, boolean withPublic) {
    super(new Columns()
        .add("grantor", DataType.TEXT)
        .add("grantee", DataType.TEXT)
        .add("table_catalog", DataType.TEXT)
        .add("table_schema", DataType.TEXT)
        .add("table_name", DataType.TEXT)
        .add("privilege_type", DataType.TEXT)
        .add("is_grantable", DataType.TEXT)
        .add("with_hierarchy", DataType.TEXT));
    this.storage = storage;
    this.database = database;
    this.withPublic = withPublic;
  }

  static TablePrivilegesTable tablePrivileges(StorageEngine storage, String database) {
    return new TablePrivilegesTable(storage, database, true);
  }

  static TablePrivilegesTable roleTableGrants(StorageEngine storage, String database) {
    return new TablePrivilegesTable(storage, database, false);
  }

  /** Without a session, none: what may be seen depends on the session's roles. */
  @Override
  public List<List<Object>> rows() {
    return List.of();
  }

  @Override
  public List<List<Object>> rows(SessionView session) {
    AccessControl access = storage.access();
    RoleDef role = access.role(session.userName());
    Set<Long> roles = role == null ? Set.of() : access.effectiveRoles(role.oid());
    List<List<Object>> rows = new ArrayList<>();
    storage.catalog().tables().forEach(table -> add(rows, access, session, roles,
        table.id(), table.schema(), table.name()));
    storage.catalog().views().forEach(view -> add(rows, access, session, roles,
        view.id(), view.schema(), view.name()));
    return rows;
  }

  private void add(List<List<Object>> rows, AccessControl access, SessionView session,
      Set<Long> roles, long objectId, String schema, String name) {
    long owner = access.owner(objectId);
    Map<Long, Set<Privilege>> grants = new TreeMap<>(access.grants(objectId));
    grants.put(owner, Privilege.TABLE);
    for (Map.Entry<Long, Set<Privilege>> grant : grants.entrySet()) {
      long grantee = grant.getKey();
      boolean visible = session.superuser() || roles.contains(owner) || roles.contains(grantee)
          || withPublic && grantee == AccessControl.PUBLIC;
      if (!visible) {
        continue;
      }
      for (Privilege privilege : Privilege.TABLE) {
        if (grant.getValue().contains(privilege)) {
          rows.add(Arrays.asList(roleName(access, owner), roleName(access, grantee), database,
              schema, name, privilege.name(), grantee == owner ? "YES" : "NO",
              privilege == Privilege.SELECT ? "YES" : "NO"));
        }
      }
    }
  }

  private static String roleName(AccessControl access, long oid) {
    if (oid == AccessControl.PUBLIC) {
      return "PUBLIC";
    }
    RoleDef role = access.role(oid);
    return role == null ? String.valueOf(oid) : role.name();
  }
}
