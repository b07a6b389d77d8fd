package io.exapg.planner.catalog.pg;

import io.exapg.storage.catalog.AccessControl;
import io.exapg.storage.catalog.Privilege;
import io.exapg.storage.catalog.RoleDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * PostgreSQL's ACL column values (relacl, nspacl): NULL while an object has its default
 * privileges, else entries "grantee=letters/grantor" with the owner's own entry first and
 * PUBLIC's grantee left empty.
 */
final class PgAcl {
  private static final String ACL_ORDER = "arwdDUC";

  private PgAcl() {
  }

  /** The ACL as element texts, or null for the default privileges. */
  static List<String> of(AccessControl access, long objectId, Set<Privilege> ownerPrivileges,
      Map<Long, Set<Privilege>> defaults) {
    Map<Long, Set<Privilege>> grants = access.grants(objectId);
    if (grants.equals(defaults)) {
      return null;
    }
    long owner = access.owner(objectId);
    String grantor = name(access, owner);
    List<String> entries = new ArrayList<>();
    entries.add(grantor + "=" + letters(ownerPrivileges) + "/" + grantor);
    for (Map.Entry<Long, Set<Privilege>> grant : new TreeMap<>(grants).entrySet()) {
      if (grant.getKey() != owner) {
        String grantee = grant.getKey() == AccessControl.PUBLIC ? ""
            : name(access, grant.getKey());
        entries.add(grantee + "=" + letters(grant.getValue()) + "/" + grantor);
      }
    }
    return entries;
  }

  private static String name(AccessControl access, long oid) {
    RoleDef role = access.role(oid);
    return role == null ? String.valueOf(oid) : role.name();
  }

  /** The privileges' letters in PostgreSQL's order. */
  private static String letters(Set<Privilege> privileges) {
    StringBuilder letters = new StringBuilder();
    for (char letter : ACL_ORDER.toCharArray()) {
      if (privileges.contains(Privilege.ofLetter(letter))) {
        letters.append(letter);
      }
    }
    return letters.toString();
  }
}
