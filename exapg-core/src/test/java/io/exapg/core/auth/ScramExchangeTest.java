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
    ScramExchange exchange = new ScramExchange("user", rfcVerifier(), SERVER_NONCE);
    assertEquals("r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
        + "s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096", exchange.serverFirst(CLIENT_FIRST));
    assertEquals("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=", exchange.serverFinal(
        CLIENT_FINAL_WITHOUT_PROOF + ",p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="));
  }

  @Test
  void wrongProofFails() {
    ScramExchange exchange = new ScramExchange("user", rfcVerifier(), SERVER_NONCE);
    exchange.serverFirst(CLIENT_FIRST);
    assertNull(exchange.serverFinal(CLIENT_FINAL_WITHOUT_PROOF
        + ",p=AAAAAapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="));
  }

  @Test
  void unknownUserFailsAtTheEndLikeAWrongPassword() {
    ScramExchange exchange = new ScramExchange("ghost", null, SERVER_NONCE);
    String serverFirst = exchange.serverFirst(CLIENT_FIRST);
    assertTrue(serverFirst.contains(",s=") && serverFirst.endsWith(",i=4096"), serverFirst);
    assertNull(exchange.serverFinal(CLIENT_FINAL_WITHOUT_PROOF
        + ",p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="));
  }

  @Test
  void nonceAndChannelBindingAreChecked() {
    ScramExchange exchange = new ScramExchange("user", rfcVerifier(), SERVER_NONCE);
    exchange.serverFirst(CLIENT_FIRST);
    assertThrows(ExaException.class, () -> exchange.serverFinal(
        "c=biws,r=other,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="));
    assertThrows(ExaException.class, () -> exchange.serverFinal(
        "c=eSws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=AAAA"));
    assertThrows(ExaException.class, () -> new ScramExchange("user", rfcVerifier())
        .serverFirst("p=tls-server-end-point,,n=user,r=abc"));
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
