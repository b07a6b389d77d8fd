package io.exapg.server;

import io.exapg.core.engine.Authenticator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The authentication rules of a single-user node: user exapg, trusted from the loopback
 * interface (unless configured otherwise), with the configured password from elsewhere.
 */
final class ConfiguredAuthenticator implements Authenticator {
  private final ServerConfig config;

  ConfiguredAuthenticator(ServerConfig config) {
    this.config = config;
  }

  @Override
  public Method methodFor(String user, String database, String clientAddress,
      boolean loopback) {
    if (!ServerConfig.USER.equals(user)) {
      return Method.REJECT;
    }
    if (loopback && config.loopbackTrust()) {
      return Method.TRUST;
    }
    return config.password() == null ? Method.REJECT : Method.PASSWORD;
  }

  @Override
  public boolean checkPassword(String user, String password) {
    if (config.password() == null || !ServerConfig.USER.equals(user)) {
      return false;
    }
    return MessageDigest.isEqual(config.password().getBytes(StandardCharsets.UTF_8),
        password.getBytes(StandardCharsets.UTF_8));
  }
}
