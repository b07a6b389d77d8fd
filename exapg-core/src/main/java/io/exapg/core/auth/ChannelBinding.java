package io.exapg.core.auth;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Locale;

/**
 * SCRAM's tls-server-end-point channel binding (RFC 5929): the hash of the server's TLS
 * certificate, which a client that checks it knows to be the server it authenticated to, not
 * a man in the middle holding another certificate.
 */
public final class ChannelBinding {
  public static final String TYPE = "tls-server-end-point";

  private ChannelBinding() {
  }

  /**
   * The certificate hashed with its signature's hash function, SHA-256 when that is MD5 or
   * SHA-1 (or not named in the algorithm), as RFC 5929 says.
   */
  public static byte[] tlsServerEndPoint(X509Certificate certificate) {
    String signature = certificate.getSigAlgName().toUpperCase(Locale.ROOT);
    String hash = signature.startsWith("SHA384") ? "SHA-384"
        : signature.startsWith("SHA512") ? "SHA-512" : "SHA-256";
    try {
      return MessageDigest.getInstance(hash).digest(certificate.getEncoded());
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      throw new ExaException(SqlState.INTERNAL_ERROR,
          "cannot hash the server certificate for channel binding: " + e.getMessage(), e);
    }
  }
}
