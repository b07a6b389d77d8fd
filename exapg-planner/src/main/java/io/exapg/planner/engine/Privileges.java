package io.exapg.planner.engine;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.planner.catalog.RelationAccess;
import io.exapg.storage.catalog.AccessControl;
import io.exapg.storage.catalog.Catalog;
import io.exapg.storage.catalog.Privilege;
import io.exapg.storage.catalog.RoleDef;
import java.util.List;

/** The session user's privileges, checked with PostgreSQL's errors (SQLSTATE 42501). */
final class Privileges {
  private final AccessControl access;
  private final Catalog catalog;
  private final String user;

  Privileges(AccessControl access, Catalog catalog, String user) {
    this.access = access;
    this.catalog = catalog;
    this.user = user;
  }

  /** The name of the role whose privileges these are. */
  String user() {
    return user;
  }

  /** The session user's role oid, or -1 when the role was dropped since the session began. */
  long role() {
    RoleDef role = access.role(user);
    return role == null ? -1 : role.oid();
  }

  boolean superuser() {
    return access.isSuperuser(role());
  }

  /** Checks what a planned statement needs. */
  void check(List<RelationAccess> accesses) {
    long role = role();
    for (RelationAccess needed : accesses) {
      if (needed.direct()) {
        requireSchema(needed.schema(), Privilege.USAGE);
      }
      long as = needed.direct() ? role : needed.asRole();
      if (!access.has(as, needed.objectId(), needed.privilege())) {
        throw denied((needed.view() ? "view " : "table ") + needed.name());
      }
    }
  }

  void requireTable(long tableId, String name, Privilege privilege) {
    if (!access.has(role(), tableId, privilege)) {
      throw denied("table " + name);
    }
  }

  void requireSchema(String schema, Privilege privilege) {
    long id = catalog.schemaId(schema);
    if (id >= 0 && !access.has(role(), id, privilege)) {
      throw denied("schema " + schema);
    }
  }

  /** Owners (and superusers) alone may drop or change an object. */
  void requireOwner(long objectId, String kind, String name) {
    if (!access.isOwner(role(), objectId)) {
      throw new ExaException(SqlState.INSUFFICIENT_PRIVILEGE,
          "must be owner of " + kind + " " + name);
    }
  }

  void requireSuperuser(String message) {
    if (!superuser()) {
      throw new ExaException(SqlState.INSUFFICIENT_PRIVILEGE, message);
    }
  }

  static ExaException denied(String object) {
    return new ExaException(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied for " + object);
  }
}
