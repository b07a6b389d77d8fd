package io.exapg.planner.engine;

import io.exapg.core.auth.Md5Password;
import io.exapg.core.auth.ScramVerifier;
import io.exapg.core.engine.StatementResult;
import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.planner.parser.SqlDropStatement;
import io.exapg.planner.parser.SqlAlterOwner;
import io.exapg.planner.parser.SqlGrant;
import io.exapg.planner.parser.SqlRoleStatement;
import io.exapg.storage.catalog.AccessControl;
import io.exapg.storage.catalog.Catalog;
import io.exapg.storage.catalog.Privilege;
import io.exapg.storage.catalog.RoleDef;
import io.exapg.storage.catalog.TableDef;
import io.exapg.storage.catalog.ViewDef;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;

/** CREATE / ALTER / DROP ROLE and GRANT / REVOKE, with PostgreSQL's rules on who may do what. */
final class AccessExecutor {
  private final SqlSession session;
  private final AccessControl access;
  private final Catalog catalog;
  private final Privileges privileges;

  AccessExecutor(SqlEngine engine, SqlSession session) {
    this.session = session;
    this.access = engine.storage().access();
    this.catalog = engine.storage().catalog();
    this.privileges = session.privileges();
  }

  // ---------------------------------------------------------------- roles

  StatementResult createRole(SqlRoleStatement create) {
    String name = create.name.getSimple();
    RoleOptions options = RoleOptions.parse(create.options);
    requireRoleAdministration("create role");
    if (Boolean.TRUE.equals(options.superuser())) {
      privileges.requireSuperuser("must be superuser to create superusers");
    }
    if (options.renameTo() != null) {
      throw new ExaException(SqlState.SYNTAX_ERROR, "syntax error at or near \"RENAME\"");
    }
    if (name.startsWith("pg_") || name.equals("public") || name.equals("none")) {
      throw new ExaException(SqlState.RESERVED_NAME, "role name \"" + name + "\" is reserved");
    }
    List<Long> inRoles = roleOids(options.inRoles());
    List<Long> members = roleOids(options.members());
    RoleDef role = access.createRole(new RoleDef(0, name,
        Boolean.TRUE.equals(options.superuser()),
        !Boolean.FALSE.equals(options.inherit()),
        Boolean.TRUE.equals(options.createRole()),
        Boolean.TRUE.equals(options.createDb()),
        options.login() != null ? options.login() : create.user,
        options.connectionLimit() != null ? options.connectionLimit() : -1,
        options.passwordGiven() ? verifier(options.password(), name) : null,
        options.validUntil()));
    for (long group : inRoles) {
      addMember(group, role.oid());
    }
    for (long member : members) {
      addMember(role.oid(), member);
    }
    return new StatementResult.Command("CREATE ROLE");
  }

  StatementResult alterRole(SqlRoleStatement alter) {
    String name = alter.name.getSimple();
    RoleDef role = existingRole(name);
    RoleOptions options = RoleOptions.parse(alter.options);
    if (!options.inRoles().isEmpty() || !options.members().isEmpty()) {
      throw new ExaException(SqlState.SYNTAX_ERROR,
          "syntax error: ALTER ROLE takes no IN ROLE or ROLE; use GRANT role TO role");
    }
    boolean self = role.oid() == privileges.role();
    boolean passwordOnly = options.passwordGiven() && options.superuser() == null
        && options.inherit() == null && options.createRole() == null
        && options.createDb() == null && options.login() == null
        && options.connectionLimit() == null && !options.validUntilGiven()
        && options.renameTo() == null;
    if (!(self && passwordOnly)) {
      requireRoleAdministration("alter role");
      if (role.superuser() || options.superuser() != null) {
        privileges.requireSuperuser("must be superuser to alter superuser roles or change "
            + "superuser attribute");
      }
    }
    if (role.oid() == AccessControl.BOOTSTRAP_OID && Boolean.FALSE.equals(options.superuser())) {
      throw new ExaException(SqlState.INSUFFICIENT_PRIVILEGE,
          "permission denied: bootstrap user must be superuser");
    }
    String newName = role.name();
    String password = options.passwordGiven() ? verifier(options.password(), name)
        : role.password();
    if (options.renameTo() != null) {
      newName = options.renameTo();
      if (self) {
        throw ExaException.notSupported("renaming the session user");
      }
      if (Md5Password.isMd5(password)) {
        password = null;
        session.notice("MD5 password cleared because of role rename");
      }
    }
    access.replaceRole(new RoleDef(role.oid(), newName,
        options.superuser() != null ? options.superuser() : role.superuser(),
        options.inherit() != null ? options.inherit() : role.inherit(),
        options.createRole() != null ? options.createRole() : role.createRole(),
        options.createDb() != null ? options.createDb() : role.createDb(),
        options.login() != null ? options.login() : role.login(),
        options.connectionLimit() != null ? options.connectionLimit() : role.connectionLimit(),
        password,
        options.validUntilGiven() ? options.validUntil() : role.validUntil()));
    return new StatementResult.Command("ALTER ROLE");
  }

  StatementResult dropRoles(SqlDropStatement drop) {
    requireRoleAdministration("drop role");
    List<RoleDef> roles = new ArrayList<>();
    for (SqlIdentifier identifier : drop.identifiers()) {
      String name = identifier.getSimple();
      RoleDef role = access.role(name);
      if (role == null) {
        if (drop.ifExists) {
          session.notice("role \"" + name + "\" does not exist, skipping");
          continue;
        }
        throw undefinedRole(name);
      }
      if (role.oid() == privileges.role()) {
        throw new ExaException(SqlState.OBJECT_IN_USE, "current user cannot be dropped");
      }
      if (role.oid() == AccessControl.BOOTSTRAP_OID) {
        throw new ExaException(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop role "
            + name + " because it is required by the database system");
      }
      if (role.superuser()) {
        privileges.requireSuperuser("must be superuser to drop superusers");
      }
      int owned = access.ownedBy(role.oid()).size();
      int granted = access.grantedTo(role.oid()).size();
      if (owned + granted > 0) {
        throw new ExaException(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, "role \"" + name
            + "\" cannot be dropped because some objects depend on it", 0,
            (owned > 0 ? "owner of " + owned + " object" + (owned == 1 ? "" : "s") : "")
                + (owned > 0 && granted > 0 ? "\n" : "")
                + (granted > 0 ? "privileges for " + granted + " object"
                    + (granted == 1 ? "" : "s") : ""),
            "Drop or reassign the objects and revoke the privileges first.", null);
      }
      roles.add(role);
    }
    for (RoleDef role : roles) {
      access.dropRole(role.oid());
    }
    return new StatementResult.Command("DROP ROLE");
  }

  /** Creating, changing and dropping roles takes superuser or CREATEROLE. */
  private void requireRoleAdministration(String action) {
    RoleDef self = access.role(session.user());
    if (self == null || !(self.superuser() || self.createRole())) {
      throw new ExaException(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied to " + action);
    }
  }

  /**
   * The stored form of a password: verifiers given already hashed are kept as they are, as in
   * PostgreSQL; others are hashed as password_encryption says.
   */
  private String verifier(String password, String user) {
    if (password == null) {
      return null;
    }
    if (password.isEmpty()) {
      session.notice("empty string is not a valid password, clearing password");
      return null;
    }
    if (ScramVerifier.parse(password) != null || Md5Password.isMd5(password)) {
      return password;
    }
    return session.passwordEncryption().equals("md5") ? Md5Password.encrypt(password, user)
        : ScramVerifier.create(password).text();
  }

  // ---------------------------------------------------------------- grants

  StatementResult grant(SqlGrant grant) {
    // PostgreSQL tags granting and revoking roles "GRANT ROLE" and "REVOKE ROLE"
    String tag = (grant.revoke ? "REVOKE" : "GRANT")
        + (grant.kind == SqlGrant.ObjectKind.ROLE ? " ROLE" : "");
    if (grant.grantOption) {
      throw ExaException.notSupported(grant.kind == SqlGrant.ObjectKind.ROLE
          ? "admin options on roles" : "grant options (WITH GRANT OPTION)");
    }
    if (grant.columns) {
      throw ExaException.notSupported("column privileges");
    }
    List<Long> grantees = grantees(grant.grantees);
    switch (grant.kind) {
      case ROLE -> memberships(grant, grantees);
      case DATABASE -> database(grant);
      case SCHEMA -> {
        Set<Privilege> set = privilegeSet(grant, Privilege.SCHEMA, "schema");
        for (SqlNode object : grant.objects) {
          String schema = ((SqlIdentifier) object).getSimple();
          long id = catalog.schemaId(schema);
          if (id < 0) {
            throw new ExaException(SqlState.INVALID_SCHEMA_NAME,
                "schema \"" + schema + "\" does not exist");
          }
          requireGrantor(id, "schema " + schema);
          apply(grant, id, grantees, set);
        }
      }
      case TABLE, ALL_TABLES_IN_SCHEMA -> {
        Set<Privilege> set = privilegeSet(grant, Privilege.TABLE, "table");
        for (long id : relations(grant)) {
          apply(grant, id, grantees, set);
        }
      }
    }
    return new StatementResult.Command(tag);
  }

  /** The ids of the tables and views a GRANT names, each checked for its grantor. */
  private List<Long> relations(SqlGrant grant) {
    List<Long> ids = new ArrayList<>();
    for (SqlNode object : grant.objects) {
      SqlIdentifier identifier = (SqlIdentifier) object;
      if (grant.kind == SqlGrant.ObjectKind.ALL_TABLES_IN_SCHEMA) {
        String schema = identifier.getSimple();
        if (!catalog.hasSchema(schema)) {
          throw new ExaException(SqlState.INVALID_SCHEMA_NAME,
              "schema \"" + schema + "\" does not exist");
        }
        for (TableDef table : catalog.tables()) {
          if (table.schema().equals(schema)) {
            requireGrantor(table.id(), "table " + table.name());
            ids.add(table.id());
          }
        }
        for (ViewDef view : catalog.views()) {
          if (view.schema().equals(schema)) {
            requireGrantor(view.id(), "view " + view.name());
            ids.add(view.id());
          }
        }
        continue;
      }
      String[] name = session.searchPath().relation(catalog, identifier.names);
      TableDef table = catalog.table(name[0], name[1]);
      ViewDef view = table == null ? catalog.view(name[0], name[1]) : null;
      if (table == null && view == null) {
        throw new ExaException(SqlState.UNDEFINED_TABLE,
            "relation \"" + String.join(".", identifier.names) + "\" does not exist");
      }
      long id = table != null ? table.id() : view.id();
      requireGrantor(id, (table != null ? "table " : "view ") + name[1]);
      ids.add(id);
    }
    return ids;
  }

  private void apply(SqlGrant grant, long objectId, List<Long> grantees, Set<Privilege> set) {
    if (grant.revoke) {
      access.revoke(objectId, grantees, set);
    } else {
      access.grant(objectId, grantees, set);
    }
  }

  /** Owners and superusers grant privileges on an object (ExaPG has no grant options). */
  private void requireGrantor(long objectId, String object) {
    if (!access.isOwner(privileges.role(), objectId)) {
      throw Privileges.denied(object);
    }
  }

  private static Set<Privilege> privilegeSet(SqlGrant grant, Set<Privilege> valid,
      String kind) {
    if (grant.all) {
      return EnumSet.copyOf(valid);
    }
    Set<Privilege> set = EnumSet.noneOf(Privilege.class);
    for (String name : grant.privileges) {
      if (name.equals("REFERENCES") || name.equals("TRIGGER")) {
        throw ExaException.notSupported("the " + name
            + " privilege (ExaPG has no foreign keys or triggers)");
      }
      Privilege privilege;
      try {
        privilege = Privilege.valueOf(name);
      } catch (IllegalArgumentException e) {
        privilege = null;
      }
      if (privilege == null || !valid.contains(privilege)) {
        throw new ExaException(SqlState.INVALID_GRANT_OPERATION,
            "invalid privilege type " + name + " for " + kind);
      }
      set.add(privilege);
    }
    return set;
  }

  /**
   * CONNECT and TEMPORARY on the database belong to PUBLIC already and ExaPG cannot take them
   * away, so granting them changes nothing and revoking them is not supported.
   */
  private void database(SqlGrant grant) {
    for (SqlNode object : grant.objects) {
      String name = ((SqlIdentifier) object).getSimple();
      if (!name.equals(session.database())) {
        throw new ExaException(SqlState.INVALID_CATALOG_NAME,
            "database \"" + name + "\" does not exist");
      }
    }
    boolean held = !grant.all && grant.privileges.stream().allMatch(
        p -> p.equals("CONNECT") || p.equals("TEMPORARY") || p.equals("TEMP"));
    if (grant.revoke || !held) {
      throw ExaException.notSupported("privileges on the database other than granting "
          + "CONNECT and TEMPORARY, which every role has");
    }
  }

  private void memberships(SqlGrant grant, List<Long> members) {
    for (String groupName : grant.privileges) {
      RoleDef group = existingRole(groupName);
      RoleDef self = access.role(session.user());
      boolean allowed = self != null && (self.superuser()
          || (self.createRole() && !group.superuser()));
      if (!allowed) {
        throw new ExaException(SqlState.INSUFFICIENT_PRIVILEGE,
            "must have admin option on role \"" + groupName + "\"");
      }
      for (long member : members) {
        if (member == AccessControl.PUBLIC) {
          throw new ExaException(SqlState.UNDEFINED_OBJECT, "role \"public\" does not exist");
        }
        String memberName = access.role(member).name();
        if (grant.revoke) {
          if (!access.groupsOf(member).contains(group.oid())) {
            session.notice("role \"" + memberName + "\" is not a member of role \""
                + groupName + "\"");
          }
          access.revokeMembership(group.oid(), member);
        } else {
          addMember(group.oid(), member);
        }
      }
    }
  }

  private void addMember(long group, long member) {
    String groupName = access.role(group).name();
    String memberName = access.role(member).name();
    if (access.groupsOf(member).contains(group)) {
      session.notice("role \"" + memberName + "\" is already a member of role \"" + groupName
          + "\"");
      return;
    }
    if (group == member || access.isMemberOf(group, member)) {
      throw new ExaException(SqlState.INVALID_GRANT_OPERATION, "role \"" + memberName
          + "\" is a member of role \"" + groupName + "\"");
    }
    access.grantMembership(group, member);
  }

  /**
   * ALTER TABLE | VIEW | SCHEMA name OWNER TO role: by the owner (or a superuser), to a role the
   * session's user may act as (superusers: any), as PostgreSQL requires; the privileges
   * granted so far stay.
   */
  StatementResult changeOwner(SqlAlterOwner alter) {
    if (alter.kind == SqlAlterOwner.Kind.SCHEMA) {
      String schema = alter.name.getSimple();
      if (!catalog.hasSchema(schema)) {
        throw new ExaException(SqlState.INVALID_SCHEMA_NAME,
            "schema \"" + schema + "\" does not exist");
      }
      return handOver(catalog.schemaId(schema), "schema", schema, alter);
    }
    NamedRelation relation = NamedRelation.find(catalog, session.searchPath(), alter.name);
    if (relation == null && alter.ifExists) {
      session.notice("relation \"" + alter.name.names.get(alter.name.names.size() - 1)
          + "\" does not exist, skipping");
      return new StatementResult.Command(alter.command());
    }
    relation = NamedRelation.require(catalog, session.searchPath(), alter.name);
    if (alter.kind == SqlAlterOwner.Kind.VIEW) {
      relation.requireView();
    }
    return handOver(relation.id(), relation.kind(), relation.name(), alter);
  }

  private StatementResult handOver(long id, String kind, String name, SqlAlterOwner alter) {
    long owner = grantees(List.of(alter.owner)).get(0);
    if (owner == AccessControl.PUBLIC) {
      throw undefinedRole("public");
    }
    if (access.owner(id) == owner) {
      return new StatementResult.Command(alter.command());
    }
    privileges.requireOwner(id, kind, name);
    if (!privileges.superuser() && !access.isMemberOf(privileges.role(), owner)) {
      throw new ExaException(SqlState.INSUFFICIENT_PRIVILEGE, "must be able to SET ROLE \""
          + access.role(owner).name() + "\"");
    }
    access.setOwner(id, owner);
    return new StatementResult.Command(alter.command());
  }

  private List<Long> grantees(List<String> names) {
    List<Long> oids = new ArrayList<>();
    for (String name : names) {
      oids.add(switch (name) {
        case "public" -> AccessControl.PUBLIC;
        case "CURRENT_USER", "CURRENT_ROLE" -> existingRole(session.user()).oid();
        case "SESSION_USER" -> existingRole(session.sessionUser()).oid();
        default -> existingRole(name).oid();
      });
    }
    return oids;
  }

  private List<Long> roleOids(List<String> names) {
    return names.stream().map(name -> existingRole(name).oid()).toList();
  }

  private RoleDef existingRole(String name) {
    RoleDef role = access.role(name);
    if (role == null) {
      throw undefinedRole(name);
    }
    return role;
  }

  private static ExaException undefinedRole(String name) {
    return new ExaException(SqlState.UNDEFINED_OBJECT, "role \"" + name + "\" does not exist");
  }
}
