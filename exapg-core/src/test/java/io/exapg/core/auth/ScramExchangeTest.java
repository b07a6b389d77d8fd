package io.exapg.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exapg.core.error.ExaException;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** SCRAM-SHA-256 against the worked example of RFC 7677, section 3, and PostgreSQL's MD5. */
class ScramExchangeTest {
  private static final String CLIENT_FIRST = "n,,n=user,r=rOprNGfwEbeRWgbNEkqO";
  private static final String SERVER_NONCE = "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
  private static final String CLIENT_FINAL_WITHOUT_PROOF =
      "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";

  private static String rfcVerifier() {
    return ScramVerifier.create("pencil", Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ=="),
        4096).text();
  }

  @Test
  void rfc7677Example() {
    ScramExchange exchange = new ScramExchange("user", rfcVerifier(), null, SERVER_NONCE);
    assertEquals("r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
        + "s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
        exchange.serverFirst(ScramExchange.MECHANISM, CLIENT_FIRST));
    assertEquals("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=", exchange.serverFinal(
        CLIENT_FINAL_WITHOUT_PROOF + ",p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="));
  }

  @Test
  void wrongProofFails() {
    ScramExchange exchange = new ScramExchange("user", rfcVerifier(), null, SERVER_NONCE);
    exchange.serverFirst(ScramExchange.MECHANISM, CLIENT_FIRST);
    assertNull(exchange.serverFinal(CLIENT_FINAL_WITHOUT_PROOF
        + ",p=AAAAAapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="));
  }

  @Test
  void unknownUserFailsAtTheEndLikeAWrongPassword() {
    ScramExchange exchange = new ScramExchange("ghost", null, null, SERVER_NONCE);
    String serverFirst = exchange.serverFirst(ScramExchange.MECHANISM, CLIENT_FIRST);
    assertTrue(serverFirst.contains(",s=") && serverFirst.endsWith(",i=4096"), serverFirst);
    assertNull(exchange.serverFinal(CLIENT_FINAL_WITHOUT_PROOF
        + ",p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="));
  }

  @Test
  void nonceAndChannelBindingAreChecked() {
    ScramExchange exchange = new ScramExchange("user", rfcVerifier(), null, SERVER_NONCE);
    exchange.serverFirst(ScramExchange.MECHANISM, CLIENT_FIRST);
    assertThrows(ExaException.class, () -> exchange.serverFinal(
        "c=biws,r=other,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="));
    assertThrows(ExaException.class, () -> exchange.serverFinal(
        "c=eSws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=AAAA"));
    assertThrows(ExaException.class, () -> new ScramExchange("user", rfcVerifier(), null)
        .serverFirst(ScramExchange.MECHANISM, "p=tls-server-end-point,,n=user,r=abc"));
  }

  @Test
  void channelBindingBindsTheExchangeToTheCertificate() throws Exception {
    byte[] certificateHash = new byte[32];
    certificateHash[0] = 42;
    ScramExchange offered = new ScramExchange("user", rfcVerifier(), certificateHash,
        SERVER_NONCE);
    assertEquals(java.util.List.of("SCRAM-SHA-256-PLUS", "SCRAM-SHA-256"),
        java.util.List.of(offered.mechanisms()));
    String header = "p=tls-server-end-point,,";
    String serverFirst = offered.serverFirst(ScramExchange.MECHANISM_PLUS,
        header + "n=user,r=rOprNGfwEbeRWgbNEkqO");
    byte[] bound = header.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] binding = java.util.Arrays.copyOf(bound, bound.length + certificateHash.length);
    System.arraycopy(certificateHash, 0, binding, bound.length, certificateHash.length);
    String withoutProof = "c=" + Base64.getEncoder().encodeToString(binding)
        + ",r=rOprNGfwEbeRWgbNEkqO" + SERVER_NONCE;
    String proof = clientProof("pencil", "n=user,r=rOprNGfwEbeRWgbNEkqO", serverFirst,
        withoutProof);
    assertTrue(offered.serverFinal(withoutProof + ",p=" + proof).startsWith("v="));
    // another certificate's hash (a man in the middle) fails the exchange
    ScramExchange other = new ScramExchange("user", rfcVerifier(), new byte[32], SERVER_NONCE);
    other.serverFirst(ScramExchange.MECHANISM_PLUS, header + "n=user,r=rOprNGfwEbeRWgbNEkqO");
    assertThrows(ExaException.class, () -> other.serverFinal(withoutProof + ",p=" + proof));
    // a client able to bind that was told the server cannot ('y'): the offer was removed
    assertThrows(ExaException.class, () -> new ScramExchange("user", rfcVerifier(),
        certificateHash, SERVER_NONCE).serverFirst(ScramExchange.MECHANISM, "y,,n=user,r=x"));
    // without TLS there is nothing to bind to
    assertThrows(ExaException.class, () -> new ScramExchange("user", rfcVerifier(), null)
        .serverFirst(ScramExchange.MECHANISM_PLUS, header + "n=user,r=x"));
  }

  /** What a client sends as its proof (RFC 5802): ClientKey XOR HMAC(StoredKey, AuthMessage). */
  private static String clientProof(String password, String clientFirstBare, String serverFirst,
      String clientFinalWithoutProof) throws Exception {
    javax.crypto.SecretKeyFactory factory =
        javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
    byte[] salted = factory.generateSecret(new javax.crypto.spec.PBEKeySpec(
        password.toCharArray(), Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ=="), 4096,
        256)).getEncoded();
    byte[] clientKey = ScramVerifier.hmac(salted, "Client Key");
    byte[] signature = ScramVerifier.hmac(ScramVerifier.sha256(clientKey),
        clientFirstBare + "," + serverFirst + "," + clientFinalWithoutProof);
    byte[] proof = new byte[clientKey.length];
    for (int i = 0; i < proof.length; i++) {
      proof[i] = (byte) (clientKey[i] ^ signature[i]);
    }
    return Base64.getEncoder().encodeToString(proof);
  }

  @Test
  void verifierRoundTripsAndChecksPasswords() {
    ScramVerifier verifier = ScramVerifier.create("s3cret");
    ScramVerifier parsed = ScramVerifier.parse(verifier.text());
    assertTrue(parsed.matches("s3cret"));
    assertFalse(parsed.matches("s3cret "));
    assertNull(ScramVerifier.parse("md5abc"));
    assertTrue(Passwords.matches(verifier.text(), "anyone", "s3cret"));
  }

  @Test
  void md5AsPostgresqlComputesIt() {
    // What SELECT 'md5' || md5('secret' || 'alice') returns in PostgreSQL 15.
    String stored = Md5Password.encrypt("secret", "alice");
    assertEquals("md54a0a68b43b6cd5cf266fa02f196e2371", stored);
    assertTrue(Md5Password.isMd5(stored));
    assertTrue(Passwords.matches(stored, "alice", "secret"));
    assertFalse(Passwords.matches(stored, "bob", "secret"));
    byte[] salt = {1, 2, 3, 4};
    String response = "md5" + java.util.HexFormat.of().formatHex(md5(
        (stored.substring(3) + new String(salt, java.nio.charset.StandardCharsets.ISO_8859_1))
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
    assertTrue(Md5Password.checkResponse(stored, salt, response));
    assertFalse(Md5Password.checkResponse(stored, new byte[] {1, 2, 3, 5}, response));
  }

  private static byte[] md5(byte[] data) {
    try {
      return java.security.MessageDigest.getInstance("MD5").digest(data);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
