package io.exapg.core.engine;

/** Decides how a connecting client must prove who it is, and checks passwords. */
public interface Authenticator {
  /** How a connection must authenticate. */
  enum Method {
    TRUST,
    PASSWORD,
    REJECT
  }

  Method methodFor(String user, String database, String clientAddress, boolean loopback);

  boolean checkPassword(String user, String password);
}
