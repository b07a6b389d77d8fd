package io.exapg.core.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * PostgreSQL's MD5 password scheme: the stored form is {@code md5} followed by the hex MD5 of
 * password and user name; the client answers a 4-byte salt with {@code md5} and the hex MD5 of
 * that stored hex and the salt.
 */
public final class Md5Password {
  public static final String PREFIX = "md5";
  private static final int LENGTH = 35;

  private Md5Password() {
  }

  public static String encrypt(String password, String user) {
    return PREFIX + md5Hex((password + user).getBytes(StandardCharsets.UTF_8));
  }

  public static boolean isMd5(String verifier) {
    return verifier != null && verifier.length() == LENGTH && verifier.startsWith(PREFIX)
        && verifier.substring(PREFIX.length()).chars().allMatch(
            c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
  }

  /** Whether a client's answer to the salt proves it knows the password stored as md5. */
  public static boolean checkResponse(String stored, byte[] salt, String response) {
    byte[] hex = stored.substring(PREFIX.length()).getBytes(StandardCharsets.US_ASCII);
    byte[] salted = new byte[hex.length + salt.length];
    System.arraycopy(hex, 0, salted, 0, hex.length);
    System.arraycopy(salt, 0, salted, hex.length, salt.length);
    String expected = PREFIX + md5Hex(salted);
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
        response.getBytes(StandardCharsets.UTF_8));
  }

  private static String md5Hex(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("MD5 is not available", e);
    }
  }
}
