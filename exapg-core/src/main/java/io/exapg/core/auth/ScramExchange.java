package io.exapg.core.auth;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * The server's side of one SCRAM-SHA-256 exchange without channel binding. A user without a
 * verifier goes through the same messages with a made-up salt and fails at the end, so that
 * a client cannot tell which users exist.
 */
public final class ScramExchange {
  public static final String MECHANISM = "SCRAM-SHA-256";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final byte[] MOCK_SECRET = new byte[32];

  static {
    RANDOM.nextBytes(MOCK_SECRET);
  }

  private final ScramVerifier verifier;
  private final boolean genuine;
  private final String serverNonce;
  private String clientFirstBare;
  private String serverFirst;
  private String nonce;
  private String gs2Header;

  /**
   * @param storedVerifier the user's stored password verifier, or null when the user has none
   *     (or does not exist, or has an MD5 password, which SCRAM cannot check)
   */
  public ScramExchange(String user, String storedVerifier) {
    this(user, storedVerifier, randomNonce());
  }

  ScramExchange(String user, String storedVerifier, String serverNonce) {
    ScramVerifier parsed = ScramVerifier.parse(storedVerifier);
    genuine = parsed != null;
    verifier = genuine ? parsed : mockVerifier(user);
    this.serverNonce = serverNonce;
  }

  private static String randomNonce() {
    byte[] random = new byte[18];
    RANDOM.nextBytes(random);
    return Base64.getEncoder().encodeToString(random);
  }

  private static ScramVerifier mockVerifier(String user) {
    byte[] salt = Arrays.copyOf(ScramVerifier.hmac(MOCK_SECRET, user), 16);
    return new ScramVerifier(ScramVerifier.DEFAULT_ITERATIONS, salt, new byte[32],
        new byte[32]);
  }

  /** Answers the client-first-message with the server-first-message. */
  public String serverFirst(String clientFirst) {
    int secondComma = clientFirst.indexOf(',', clientFirst.indexOf(',') + 1);
    if (secondComma < 0) {
      throw malformed();
    }
    gs2Header = clientFirst.substring(0, secondComma + 1);
    char binding = clientFirst.charAt(0);
    if (binding == 'p') {
      throw new ExaException(SqlState.PROTOCOL_VIOLATION,
          "channel binding is not supported by this server");
    }
    if (binding != 'n' && binding != 'y') {
      throw malformed();
    }
    clientFirstBare = clientFirst.substring(secondComma + 1);
    nonce = attribute(clientFirstBare, 'r') + serverNonce;
    serverFirst = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(verifier.salt())
        + ",i=" + verifier.iterations();
    return serverFirst;
  }

  /**
   * Checks the client-final-message's proof; the server-final-message when it holds, null when
   * the password was wrong.
   */
  public String serverFinal(String clientFinal) {
    int proofStart = clientFinal.lastIndexOf(",p=");
    if (proofStart < 0 || serverFirst == null) {
      throw malformed();
    }
    String withoutProof = clientFinal.substring(0, proofStart);
    String binding;
    try {
      binding = new String(Base64.getDecoder().decode(attribute(withoutProof, 'c')),
          StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw malformed();
    }
    if (!binding.equals(gs2Header)) {
      throw new ExaException(SqlState.PROTOCOL_VIOLATION,
          "unexpected SCRAM channel-binding attribute in client-final-message");
    }
    if (!nonce.equals(attribute(withoutProof, 'r'))) {
      throw new ExaException(SqlState.PROTOCOL_VIOLATION,
          "SCRAM nonce does not match in client-final-message");
    }
    byte[] proof;
    try {
      proof = Base64.getDecoder().decode(clientFinal.substring(proofStart + 3));
    } catch (IllegalArgumentException e) {
      throw malformed();
    }
    String authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
    byte[] signature = ScramVerifier.hmac(verifier.storedKey(), authMessage);
    if (proof.length != signature.length) {
      throw malformed();
    }
    byte[] clientKey = new byte[proof.length];
    for (int i = 0; i < proof.length; i++) {
      clientKey[i] = (byte) (proof[i] ^ signature[i]);
    }
    boolean valid = MessageDigest.isEqual(ScramVerifier.sha256(clientKey), verifier.storedKey());
    if (!genuine || !valid) {
      return null;
    }
    return "v=" + Base64.getEncoder().encodeToString(
        ScramVerifier.hmac(verifier.serverKey(), authMessage));
  }

  /** The value of a one-letter attribute ("r=...") in a comma-separated SCRAM message. */
  private static String attribute(String message, char name) {
    for (String part : message.split(",")) {
      if (part.length() >= 2 && part.charAt(0) == name && part.charAt(1) == '=') {
        return part.substring(2);
      }
    }
    throw malformed();
  }

  private static ExaException malformed() {
    return new ExaException(SqlState.PROTOCOL_VIOLATION, "malformed SCRAM message");
  }
}
