package io.exapg.server;

import io.exapg.core.engine.Authenticator;
import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.storage.catalog.AccessControl;
import io.exapg.storage.catalog.RoleDef;
import java.net.InetAddress;
import java.time.Instant;

/** Authentication by the node's rules (pg_hba.conf style) against the roles in its catalog. */
final class ConfiguredAuthenticator implements Authenticator {
  private volatile HbaRules rules;
  private final AccessControl access;

  ConfiguredAuthenticator(HbaRules rules, AccessControl access) {
    this.rules = rules;
    this.access = access;
  }

  /** Rules read again (pg_reload_conf, SIGHUP): connections from now on follow them. */
  void replaceRules(HbaRules newRules) {
    rules = newRules;
  }

  @Override
  public Method methodFor(String user, String database, InetAddress client, boolean ssl) {
    return rules.methodFor(user, database, client, ssl, this::memberOf);
  }

  /** Whether the user is the group or a member of it, directly or not (+group in rules). */
  private boolean memberOf(String user, String group) {
    RoleDef role = access.role(user);
    RoleDef groupRole = access.role(group);
    return role != null && groupRole != null && (role.oid() == groupRole.oid()
        || access.isMemberOf(role.oid(), groupRole.oid()));
  }

  @Override
  public String passwordVerifier(String user) {
    RoleDef role = access.role(user);
    if (role == null || role.password() == null) {
      return null;
    }
    if (role.validUntil() != null && Instant.now().isAfter(role.validUntil())) {
      return null;
    }
    return role.password();
  }

  @Override
  public ExaException loginRefusal(String user, int userConnections) {
    RoleDef role = access.role(user);
    if (role == null) {
      return new ExaException(SqlState.INVALID_AUTHORIZATION_SPECIFICATION,
          "role \"" + user + "\" does not exist");
    }
    if (!role.login()) {
      return new ExaException(SqlState.INVALID_AUTHORIZATION_SPECIFICATION,
          "role \"" + user + "\" is not permitted to log in");
    }
    if (role.connectionLimit() >= 0 && userConnections >= role.connectionLimit()
        && !role.superuser()) {
      return new ExaException(SqlState.TOO_MANY_CONNECTIONS,
          "too many connections for role \"" + user + "\"");
    }
    return null;
  }
}
