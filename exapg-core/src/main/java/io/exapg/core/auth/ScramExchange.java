package io.exapg.core.auth;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The server's side of one SCRAM-SHA-256 exchange, with tls-server-end-point channel binding
 * (SCRAM-SHA-256-PLUS) over TLS. A user without a verifier goes through the same messages
 * with a made-up salt and fails at the end, so that a client cannot tell which users exist.
 */
public final class ScramExchange {
  public static final String MECHANISM = "SCRAM-SHA-256";
  public static final String MECHANISM_PLUS = "SCRAM-SHA-256-PLUS";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final byte[] MOCK_SECRET = new byte[32];

  static {
    RANDOM.nextBytes(MOCK_SECRET);
  }

  private final ScramVerifier verifier;
  private final boolean genuine;
  private final String serverNonce;
  /** The TLS certificate's hash clients bind to, or null without TLS. */
  private final byte[] channelBinding;
  private byte[] bindingHeader;
  private String clientFirstBare;
  private String serverFirst;
  private String nonce;

  /**
   * @param storedVerifier the user's stored password verifier, or null when the user has none
   *     (or does not exist, or has an MD5 password, which SCRAM cannot check)
   */
  public ScramExchange(String user, String storedVerifier, byte[] channelBinding) {
    this(user, storedVerifier, channelBinding, randomNonce());
  }

  ScramExchange(String user, String storedVerifier, byte[] channelBinding,
      String serverNonce) {
    ScramVerifier parsed = ScramVerifier.parse(storedVerifier);
    genuine = parsed != null;
    verifier = genuine ? parsed : mockVerifier(user);
    this.channelBinding = channelBinding;
    this.serverNonce = serverNonce;
  }

  /** The mechanisms to offer, the stronger first: with channel binding only over TLS. */
  public String[] mechanisms() {
    return channelBinding == null ? new String[] {MECHANISM}
        : new String[] {MECHANISM_PLUS, MECHANISM};
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

  /**
   * Answers the client-first-message with the server-first-message.
   *
   * @param mechanism the mechanism the client chose, one of {@link #mechanisms()}
   */
  public String serverFirst(String mechanism, String clientFirst) {
    if (!List.of(mechanisms()).contains(mechanism)) {
      throw new ExaException(SqlState.PROTOCOL_VIOLATION,
          "client selected an invalid SASL authentication mechanism");
    }
    int secondComma = clientFirst.indexOf(',', clientFirst.indexOf(',') + 1);
    if (secondComma < 0) {
      throw malformed();
    }
    String gs2Header = clientFirst.substring(0, secondComma + 1);
    char binding = clientFirst.charAt(0);
    boolean plus = mechanism.equals(MECHANISM_PLUS);
    if (binding == 'p') {
      if (!plus) {
        throw negotiation("the client asked for channel binding but did not choose "
            + MECHANISM_PLUS);
      }
      if (!gs2Header.startsWith("p=" + ChannelBinding.TYPE + ",")) {
        throw negotiation("unsupported channel binding type; only " + ChannelBinding.TYPE
            + " is supported");
      }
    } else if (plus) {
      throw negotiation(MECHANISM_PLUS + " was chosen without channel binding data");
    } else if (binding == 'y' && channelBinding != null) {
      // the client could bind but believes the server cannot: someone removed the offer
      throw negotiation("the client supports channel binding but thinks the server does not;"
          + " the server offered it");
    } else if (binding != 'n' && binding != 'y') {
      throw malformed();
    }
    byte[] header = gs2Header.getBytes(StandardCharsets.UTF_8);
    bindingHeader = binding == 'p' ? concat(header, channelBinding) : header;
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
    byte[] binding;
    try {
      binding = Base64.getDecoder().decode(attribute(withoutProof, 'c'));
    } catch (IllegalArgumentException e) {
      throw malformed();
    }
    if (!MessageDigest.isEqual(binding, bindingHeader)) {
      throw new ExaException(SqlState.PROTOCOL_VIOLATION,
          "SCRAM channel binding check failed");
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

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] joined = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, joined, a.length, b.length);
    return joined;
  }

  private static ExaException negotiation(String detail) {
    return new ExaException(SqlState.PROTOCOL_VIOLATION,
        "SCRAM channel binding negotiation error: " + detail);
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
