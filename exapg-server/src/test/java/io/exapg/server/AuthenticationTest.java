package io.exapg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Client authentication through the front door: a server process started with a rules file
 * and a TLS certificate, and the real JDBC driver and psql logging in with SCRAM-SHA-256, MD5
 * and clear-text passwords, over TLS and without.
 */
class AuthenticationTest {
  private static final String RULES = """
      # type     database user       address       method
      host       all      exapg      127.0.0.1/32  trust
      hostnossl  all      tlsuser    127.0.0.1/32  reject
      host       all      md5user    127.0.0.1/32  md5
      host       all      plainuser  127.0.0.1/32  password
      host       all      all        127.0.0.1/32  scram-sha-256
      """;

  @TempDir
  static Path directory;
  private static ServerProcess server;

  @BeforeAll
  static void start() throws Exception {
    Path certificate = directory.resolve("server.crt");
    Path key = directory.resolve("server.key");
    Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048",
        "-nodes", "-keyout", key.toString(), "-out", certificate.toString(), "-days", "2",
        "-subj", "/CN=127.0.0.1").redirectErrorStream(true).start();
    openssl.getInputStream().readAllBytes();
    assertTrue(openssl.waitFor(60, TimeUnit.SECONDS) && openssl.exitValue() == 0,
        "openssl could not make a test certificate");
    Files.writeString(directory.resolve("hba.conf"), RULES);
    server = startServer();
    try (Connection admin = server.connect(); Statement statement = admin.createStatement()) {
      statement.execute("CREATE USER tlsuser PASSWORD 'tls-Secret1'");
      statement.execute("CREATE USER scramuser PASSWORD 'sc\u00e9ram pass'");
      statement.execute("SET password_encryption = 'md5'");
      statement.execute("CREATE USER md5user PASSWORD 'md5-Secret'");
      statement.execute("RESET password_encryption");
      statement.execute("CREATE USER plainuser PASSWORD 'plain-Secret'");
      statement.execute("CREATE TABLE shared (x INT)");
      statement.execute("INSERT INTO shared VALUES (42)");
      statement.execute("GRANT SELECT ON shared TO tlsuser, scramuser, md5user, plainuser");
    }
  }

  /** The node with the rules file and the certificate, on the test's data directory. */
  private static ServerProcess startServer() throws IOException, InterruptedException {
    return ServerProcess.start(directory.resolve("data"), "--hba-file",
        directory.resolve("hba.conf").toString(), "--ssl-cert",
        directory.resolve("server.crt").toString(), "--ssl-key",
        directory.resolve("server.key").toString());
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (server != null) {
      server.close();
    }
  }

  private static Connection connect(String user, String password, String sslMode)
      throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    properties.setProperty("password", password);
    properties.setProperty("sslmode", sslMode);
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port()
        + "/exapg", properties);
  }

  private static String sqlStateOfLogin(String user, String password, String sslMode) {
    SQLException error = assertThrows(SQLException.class,
        () -> connect(user, password, sslMode).close());
    return error.getSQLState();
  }

  @Test
  void channelBindingOverTls() throws Exception {
    // psql (libpq) and the JDBC driver both insist on SCRAM-SHA-256-PLUS
    ProcessBuilder builder = new ProcessBuilder(List.of("psql", "-X", "-A", "-t",
        "host=127.0.0.1 port=" + server.port() + " dbname=exapg user=tlsuser sslmode=require"
            + " channel_binding=require", "-c", "SELECT x FROM shared"));
    builder.environment().put("PGPASSWORD", "tls-Secret1");
    Process psql = builder.redirectErrorStream(true).start();
    String output = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(psql.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, psql.exitValue(), output);
    assertEquals("42\n", output);
    Properties properties = new Properties();
    properties.setProperty("user", "tlsuser");
    properties.setProperty("password", "tls-Secret1");
    properties.setProperty("sslmode", "require");
    properties.setProperty("channelBinding", "require");
    try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:"
        + server.port() + "/exapg", properties)) {
      assertEquals(42, TestServer.queryLong(connection, "SELECT x FROM shared"));
    }
    properties.setProperty("password", "wrong");
    assertEquals("28P01", assertThrows(SQLException.class, () -> DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + server.port() + "/exapg", properties).close())
        .getSQLState());
    // without TLS there is no channel to bind to: a client that requires it refuses
    properties.setProperty("password", "sc\u00e9ram pass");
    properties.setProperty("user", "scramuser");
    properties.setProperty("sslmode", "disable");
    assertThrows(SQLException.class, () -> DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + server.port() + "/exapg", properties).close());
  }

  @Test
  void scramOverTls() throws Exception {
    try (Connection connection = connect("tlsuser", "tls-Secret1", "require")) {
      assertEquals(42, TestServer.queryLong(connection, "SELECT x FROM shared"));
    }
    assertEquals("28000", sqlStateOfLogin("tlsuser", "tls-Secret1", "disable"));
    assertEquals("28P01", sqlStateOfLogin("tlsuser", "wrong", "require"));
  }

  @Test
  void scramWithoutTlsAndNonAsciiPassword() throws Exception {
    try (Connection connection = connect("scramuser", "sc\u00e9ram pass", "disable")) {
      assertEquals(42, TestServer.queryLong(connection, "SELECT x FROM shared"));
    }
    assertEquals("28P01", sqlStateOfLogin("scramuser", "scéram-pass", "disable"));
    assertEquals("28P01", sqlStateOfLogin("nosuchuser", "whatever", "disable"));
  }

  @Test
  void md5AndClearTextPasswords() throws Exception {
    try (Connection connection = connect("md5user", "md5-Secret", "disable")) {
      assertEquals(42, TestServer.queryLong(connection, "SELECT x FROM shared"));
    }
    assertEquals("28P01", sqlStateOfLogin("md5user", "md5-wrong", "disable"));
    try (Connection connection = connect("plainuser", "plain-Secret", "prefer")) {
      assertEquals(42, TestServer.queryLong(connection, "SELECT x FROM shared"));
    }
    assertEquals("28P01", sqlStateOfLogin("plainuser", "plain-wrong", "disable"));
  }

  @Test
  void failedLoginsAreLoggedWithoutThePassword() throws Exception {
    assertEquals("28P01", sqlStateOfLogin("plainuser", "Leaked-Password-123", "disable"));
    Thread.sleep(200);
    String log = server.output();
    assertTrue(log.contains("authentication failed for user \"plainuser\""), log);
    assertFalse(log.contains("Leaked-Password-123"), log);
  }

  @Test
  void loginAttributesAreEnforced() throws Exception {
    try (Connection admin = server.connect(); Statement statement = admin.createStatement()) {
      statement.execute("CREATE USER limited PASSWORD 'Limited-1' CONNECTION LIMIT 1");
      statement.execute("CREATE USER expired PASSWORD 'Expired-1' VALID UNTIL '2001-01-01'");
      statement.execute("CREATE ROLE nologin PASSWORD 'Nologin-1'");
    }
    try (Connection first = connect("limited", "Limited-1", "disable")) {
      assertEquals("53300", sqlStateOfLogin("limited", "Limited-1", "disable"));
    }
    assertEquals("28P01", sqlStateOfLogin("expired", "Expired-1", "disable"));
    assertEquals("28000", sqlStateOfLogin("nologin", "Nologin-1", "disable"));
  }

  @Test
  void psqlConnectsWithScramOverTls() throws Exception {
    ProcessBuilder builder = new ProcessBuilder(List.of("psql", "-X", "-A", "-t",
        "host=127.0.0.1 port=" + server.port() + " dbname=exapg user=tlsuser sslmode=require",
        "-c", "\\conninfo", "-c", "SELECT x FROM shared"));
    builder.environment().put("PGPASSWORD", "tls-Secret1");
    Process psql = builder.redirectErrorStream(true).start();
    String output = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(psql.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, psql.exitValue(), output);
    assertTrue(output.contains("SSL connection (protocol: TLS"), output);
    assertTrue(output.contains("42"), output);
  }

  @Test
  void rolesSurviveARestart() throws Exception {
    server.terminate();
    server = startServer();
    try (Connection connection = connect("scramuser", "sc\u00e9ram pass", "require")) {
      assertEquals(42, TestServer.queryLong(connection, "SELECT x FROM shared"));
    }
    assertEquals("28P01", sqlStateOfLogin("scramuser", "nope", "require"));
  }

  @Test
  void rulesAreReadAgainOnPgReloadConfAndSighup() throws Exception {
    Path rules = directory.resolve("reload-hba.conf");
    Files.writeString(rules, "host all exapg 127.0.0.1/32 trust\n"
        + "host all all 127.0.0.1/32 scram-sha-256\n");
    try (ServerProcess node = ServerProcess.start(directory.resolve("reload-data"),
        "--hba-file", rules.toString())) {
      try (Connection admin = node.connect(); Statement statement = admin.createStatement()) {
        statement.execute("CREATE USER visitor PASSWORD 'visit-Secret1'");
        connectTo(node, "visitor", "visit-Secret1").close();
        Files.writeString(rules, "host all exapg 127.0.0.1/32 trust\n"
            + "host all visitor 127.0.0.1/32 reject\n"
            + "host all all 127.0.0.1/32 scram-sha-256\n");
        assertEquals("t", TestServer.rows(statement, "SELECT pg_reload_conf()").get(0));
        SQLException refused = assertThrows(SQLException.class,
            () -> connectTo(node, "visitor", "visit-Secret1").close());
        assertEquals("28000", refused.getSQLState());
        // a rules file that does not parse leaves the rules in force, with a warning
        Files.writeString(rules, "host all all 127.0.0.1/32 peer\n");
        assertEquals("t", TestServer.rows(statement, "SELECT pg_reload_conf()").get(0));
        assertTrue(statement.getWarnings().getMessage().contains("the previous ones stay"),
            String.valueOf(statement.getWarnings()));
        assertEquals("28000", assertThrows(SQLException.class,
            () -> connectTo(node, "visitor", "visit-Secret1").close()).getSQLState());
        // and kill -HUP reads the file again as well
        Files.writeString(rules, "host all all 127.0.0.1/32 trust\n");
        // Started under nohup, the server inherits SIGHUP ignored, and the JVM then leaves
        // it ignored (as documented in docs/operations.md): nothing to test there.
        assumeFalse(hangUpIgnored(), "SIGHUP is ignored in this process tree (nohup)");
        node.hangUp();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!node.output().contains("authentication rules reloaded")
            || node.output().split("authentication rules reloaded", -1).length < 3) {
          assertTrue(System.nanoTime() < deadline, node.output());
          Thread.sleep(20);
        }
        connectTo(node, "visitor", "wrong password, trusted now").close();
        SQLException denied = assertThrows(SQLException.class, () -> {
          try (Connection visitor = connectTo(node, "visitor", "");
              Statement own = visitor.createStatement()) {
            own.execute("SELECT pg_reload_conf()");
          }
        });
        assertEquals("42501", denied.getSQLState());
      }
    }
  }

  /** Whether this process ignores SIGHUP (bit 1 of SigIgn in /proc/self/status). */
  private static boolean hangUpIgnored() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.exists(status)) {
      return false;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("SigIgn:")) {
        return (Long.parseUnsignedLong(line.substring(7).strip(), 16) & 1) != 0;
      }
    }
    return false;
  }

  private static Connection connectTo(ServerProcess node, String user, String password)
      throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + node.port()
        + "/exapg", user, password);
  }

  @Test
  void badRulesFileStopsTheServerWithItsLine() throws IOException, InterruptedException {
    Path rules = directory.resolve("bad-hba.conf");
    Files.writeString(rules, "host all all 127.0.0.1/32 trust\nhost all all all peer\n");
    IllegalStateException error = assertThrows(IllegalStateException.class,
        () -> ServerProcess.start(directory.resolve("other-data"), "--hba-file",
            rules.toString()));
    assertTrue(error.getMessage().contains("line 2"), error.getMessage());
    assertTrue(error.getMessage().contains("unsupported authentication method peer"),
        error.getMessage());
  }
}
