package io.exapg.core.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Checks a clear-text password against whatever form it is stored in. */
public final class Passwords {
  private Passwords() {
  }

  public static boolean matches(String storedVerifier, String user, String password) {
    if (storedVerifier == null) {
      return false;
    }
    ScramVerifier scram = ScramVerifier.parse(storedVerifier);
    if (scram != null) {
      return scram.matches(password);
    }
    if (Md5Password.isMd5(storedVerifier)) {
      return MessageDigest.isEqual(storedVerifier.getBytes(StandardCharsets.US_ASCII),
          Md5Password.encrypt(password, user).getBytes(StandardCharsets.US_ASCII));
    }
    return false;
  }
}
