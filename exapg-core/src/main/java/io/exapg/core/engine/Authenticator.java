package io.exapg.core.engine;

import java.net.InetAddress;

/** Decides how a connecting client must prove who it is, and what it is checked against. */
public interface Authenticator {
  /** How a connection must authenticate, as in pg_hba.conf. */
  enum Method {
    TRUST,
    REJECT,
    PASSWORD,
    MD5,
    SCRAM_SHA_256
  }

  /** REJECT when no rule admits the connection (for example because it is not encrypted). */
  Method methodFor(String user, String database, InetAddress client, boolean ssl);

  /**
   * The user's stored password verifier (SCRAM-SHA-256 or md5 form), or null when the user does
   * not exist, has no password or the password has expired.
   */
  String passwordVerifier(String user);

  /**
   * Why a user who has authenticated may still not log in (the role does not exist, may not log
   * in, or has reached its connection limit), as the error to end the connection with; null
   * when it may.
   *
   * @param userConnections the connections the user has open already
   */
  io.exapg.core.error.ExaException loginRefusal(String user, int userConnections);
}
