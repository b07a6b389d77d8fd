package io.exapg.core.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A SCRAM-SHA-256 password verifier (RFC 5802, RFC 7677) in PostgreSQL's text form,
 * {@code SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>} with base64 parts. It lets
 * the server check a password, or a client's SCRAM proof, without keeping the password.
 */
public record ScramVerifier(int iterations, byte[] salt, byte[] storedKey, byte[] serverKey) {
  public static final String PREFIX = "SCRAM-SHA-256$";
  public static final int DEFAULT_ITERATIONS = 4096;
  private static final int SALT_LENGTH = 16;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A verifier for the password with a fresh random salt. */
  public static ScramVerifier create(String password) {
    byte[] salt = new byte[SALT_LENGTH];
    RANDOM.nextBytes(salt);
    return create(password, salt, DEFAULT_ITERATIONS);
  }

  public static ScramVerifier create(String password, byte[] salt, int iterations) {
    byte[] saltedPassword = saltedPassword(password, salt, iterations);
    byte[] clientKey = hmac(saltedPassword, "Client Key");
    return new ScramVerifier(iterations, salt.clone(), sha256(clientKey),
        hmac(saltedPassword, "Server Key"));
  }

  /** The verifier a text names, or null when the text is not a SCRAM-SHA-256 verifier. */
  public static ScramVerifier parse(String text) {
    if (text == null || !text.startsWith(PREFIX)) {
      return null;
    }
    String[] parts = text.substring(PREFIX.length()).split("\\$");
    if (parts.length != 2) {
      return null;
    }
    String[] iterationsAndSalt = parts[0].split(":");
    String[] keys = parts[1].split(":");
    if (iterationsAndSalt.length != 2 || keys.length != 2) {
      return null;
    }
    try {
      Base64.Decoder decoder = Base64.getDecoder();
      ScramVerifier verifier = new ScramVerifier(Integer.parseInt(iterationsAndSalt[0]),
          decoder.decode(iterationsAndSalt[1]), decoder.decode(keys[0]), decoder.decode(keys[1]));
      return verifier.iterations > 0 && verifier.storedKey.length == 32
          && verifier.serverKey.length == 32 ? verifier : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  public String text() {
    Base64.Encoder encoder = Base64.getEncoder();
    return PREFIX + iterations + ":" + encoder.encodeToString(salt) + "$"
        + encoder.encodeToString(storedKey) + ":" + encoder.encodeToString(serverKey);
  }

  /** Whether a clear-text password is the one this verifier was made from. */
  public boolean matches(String password) {
    byte[] saltedPassword = saltedPassword(password, salt, iterations);
    return MessageDigest.isEqual(storedKey, sha256(hmac(saltedPassword, "Client Key")));
  }

  /**
   * Hi() of RFC 5802 over the password's UTF-8 bytes. Passwords are normalized to NFKC first,
   * the core of SASLprep, so that clients that apply SASLprep produce the same key.
   */
  static byte[] saltedPassword(String password, byte[] salt, int iterations) {
    byte[] key = Normalizer.normalize(password, Normalizer.Form.NFKC)
        .getBytes(StandardCharsets.UTF_8);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      // The JDK refuses an empty key; HMAC pads short keys with zeros, so this is the same.
      mac.init(new SecretKeySpec(key.length == 0 ? new byte[64] : key, "HmacSHA256"));
      mac.update(salt);
      mac.update(new byte[] {0, 0, 0, 1});
      byte[] u = mac.doFinal();
      byte[] result = u.clone();
      for (int i = 1; i < iterations; i++) {
        u = mac.doFinal(u);
        for (int j = 0; j < result.length; j++) {
          result[j] ^= u[j];
        }
      }
      return result;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  static byte[] hmac(byte[] key, String text) {
    return hmac(key, text.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
