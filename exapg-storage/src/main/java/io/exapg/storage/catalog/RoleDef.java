package io.exapg.storage.catalog;

import java.time.Instant;

/**
 * A role: a user when it may log in, a group of privileges when others are its members.
 *
 * @param oid the role's PostgreSQL-visible identity; it stays when the role is renamed
 * @param inherit whether the role uses the privileges of the roles it is a member of
 * @param connectionLimit how many connections the role may have open at once; -1: no limit
 * @param password the password's stored verifier (SCRAM-SHA-256 or md5 form), or null
 * @param validUntil when the password stops being accepted, or null for never
 */
public record RoleDef(long oid, String name, boolean superuser, boolean inherit,
    boolean createRole, boolean createDb, boolean login, int connectionLimit, String password,
    Instant validUntil) {

  public RoleDef withOid(long newOid) {
    return new RoleDef(newOid, name, superuser, inherit, createRole, createDb, login,
        connectionLimit, password, validUntil);
  }
}
