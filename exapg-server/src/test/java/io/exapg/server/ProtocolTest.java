package io.exapg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The protocol at the byte level: startup, SSL refusal, bad messages, and the HTTP port. */
class ProtocolTest {
  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** A raw protocol connection. */
  private static final class RawClient implements AutoCloseable {
    final Socket socket;
    final DataInputStream in;
    final DataOutputStream out;

    RawClient() throws IOException {
      socket = new Socket("127.0.0.1", server.port());
      socket.setSoTimeout(10_000);
      in = new DataInputStream(socket.getInputStream());
      out = new DataOutputStream(socket.getOutputStream());
    }

    void startup(Map<String, String> parameters) throws IOException {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      DataOutputStream data = new DataOutputStream(body);
      data.writeInt(196608);
      for (Map.Entry<String, String> entry : parameters.entrySet()) {
        data.write(entry.getKey().getBytes(StandardCharsets.UTF_8));
        data.write(0);
        data.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
        data.write(0);
      }
      data.write(0);
      out.writeInt(body.size() + 4);
      out.write(body.toByteArray());
      out.flush();
    }

    void message(char type, byte[] body) throws IOException {
      out.writeByte(type);
      out.writeInt(body.length + 4);
      out.write(body);
      out.flush();
    }

    /** Reads messages until one of the given type; returns its body. */
    byte[] readUntil(char wanted) throws IOException {
      while (true) {
        char type = (char) in.readByte();
        byte[] body = new byte[in.readInt() - 4];
        in.readFully(body);
        if (type == wanted) {
          return body;
        }
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  private static Map<String, String> defaultStartup() {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("user", "exapg");
    parameters.put("database", "exapg");
    return parameters;
  }

  private static byte[] cString(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    byte[] result = new byte[bytes.length + 1];
    System.arraycopy(bytes, 0, result, 0, bytes.length);
    return result;
  }

  private static String errorCode(byte[] body) {
    String fields = new String(body, StandardCharsets.UTF_8);
    for (String field : fields.split("\0")) {
      if (field.startsWith("C")) {
        return field.substring(1);
      }
    }
    return null;
  }

  @Test
  void sslRequestIsAnsweredNoAndTheConnectionGoesOn() throws IOException {
    try (RawClient client = new RawClient()) {
      client.out.writeInt(8);
      client.out.writeInt(80877103);
      client.out.flush();
      assertEquals('N', (char) client.in.readByte());
      client.startup(defaultStartup());
      client.readUntil('Z');
      client.message('Q', cString("SELECT 1"));
      byte[] row = client.readUntil('D');
      assertEquals(1, ((row[0] & 0xFF) << 8) | (row[1] & 0xFF));
      client.readUntil('Z');
    }
  }

  /** Parse of a named statement, then Bind, Execute and Sync; the first error's SQLSTATE. */
  private static String runNamed(RawClient client, String name) throws IOException {
    ByteArrayOutputStream bind = new ByteArrayOutputStream();
    bind.write(cString(""));
    bind.write(cString(name));
    bind.write(new byte[] {0, 0, 0, 0, 0, 0});
    client.message('B', bind.toByteArray());
    client.message('E', new byte[] {0, 0, 0, 0, 0});
    client.message('S', new byte[0]);
    while (true) {
      char type = (char) client.in.readByte();
      byte[] body = new byte[client.in.readInt() - 4];
      client.in.readFully(body);
      if (type == 'E') {
        client.readUntil('Z');
        return errorCode(body);
      }
      if (type == 'Z') {
        return null;
      }
    }
  }

  @Test
  void discardAllDropsPreparedStatements() throws IOException {
    try (RawClient client = new RawClient()) {
      client.startup(defaultStartup());
      client.readUntil('Z');
      ByteArrayOutputStream parse = new ByteArrayOutputStream();
      parse.write(cString("kept"));
      parse.write(cString("SELECT 42"));
      parse.write(new byte[] {0, 0});
      client.message('P', parse.toByteArray());
      client.message('S', new byte[0]);
      client.readUntil('Z');
      assertEquals(null, runNamed(client, "kept"));
      client.message('Q', cString("DISCARD ALL"));
      byte[] tag = client.readUntil('C');
      assertEquals("DISCARD ALL", new String(tag, 0, tag.length - 1, StandardCharsets.UTF_8));
      client.readUntil('Z');
      assertEquals("26000", runNamed(client, "kept"));
    }
  }

  @Test
  void unknownDatabaseAndUserAreRefused() throws IOException {
    try (RawClient client = new RawClient()) {
      Map<String, String> parameters = defaultStartup();
      parameters.put("database", "nope");
      client.startup(parameters);
      assertEquals("3D000", errorCode(client.readUntil('E')));
    }
    try (RawClient client = new RawClient()) {
      Map<String, String> parameters = defaultStartup();
      parameters.put("user", "intruder");
      client.startup(parameters);
      assertEquals("28000", errorCode(client.readUntil('E')));
    }
  }

  @Test
  void malformedMessageClosesOnlyThatConnection() throws Exception {
    try (Connection bystander = server.connect(); RawClient client = new RawClient()) {
      client.startup(defaultStartup());
      client.readUntil('Z');
      client.message('?', new byte[] {1, 2, 3});
      assertEquals("08P01", errorCode(client.readUntil('E')));
      assertThrows(EOFException.class, () -> client.readUntil('Z'));
      try (Statement statement = bystander.createStatement();
          ResultSet rs = statement.executeQuery("SELECT 7")) {
        assertTrue(rs.next());
        assertEquals(7, rs.getInt(1));
      }
    }
  }

  @Test
  void oversizedLengthIsAProtocolViolation() throws IOException {
    try (RawClient client = new RawClient()) {
      client.startup(defaultStartup());
      client.readUntil('Z');
      client.out.writeByte('Q');
      client.out.writeInt(Integer.MAX_VALUE);
      client.out.flush();
      assertEquals("08P01", errorCode(client.readUntil('E')));
    }
  }

  @Test
  void passwordIsRequiredWhereLoopbackIsNotTrusted() throws Exception {
    java.nio.file.Path directory = java.nio.file.Files.createTempDirectory("exapg-auth-");
    ServerConfig config = new ServerConfig("127.0.0.1", 0, 0, directory, 256L << 20,
        128L << 20, 1, 10, "s3cret", false, 0);
    try (ExapgNode node = ExapgNode.start(config)) {
      String url = "jdbc:postgresql://127.0.0.1:" + node.port() + "/exapg";
      Properties wrong = new Properties();
      wrong.setProperty("user", "exapg");
      wrong.setProperty("password", "guess");
      SQLException error = assertThrows(SQLException.class,
          () -> java.sql.DriverManager.getConnection(url, wrong));
      assertEquals("28P01", error.getSQLState());
      Properties right = new Properties();
      right.setProperty("user", "exapg");
      right.setProperty("password", "s3cret");
      try (Connection connection = java.sql.DriverManager.getConnection(url, right);
          Statement statement = connection.createStatement();
          ResultSet rs = statement.executeQuery("SELECT 'in'")) {
        assertTrue(rs.next());
      }
    } finally {
      io.exapg.storage.io.DurableFiles.deleteRecursively(directory);
    }
  }

  @Test
  void healthEndpointAnswers() throws IOException {
    HttpURLConnection connection = (HttpURLConnection) URI.create(
        "http://127.0.0.1:" + server.httpPort() + "/health").toURL().openConnection();
    assertEquals(200, connection.getResponseCode());
    String body = new String(connection.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(body.contains("\"status\":\"ok\""), body);
    HttpURLConnection missing = (HttpURLConnection) URI.create(
        "http://127.0.0.1:" + server.httpPort() + "/nothing").toURL().openConnection();
    assertEquals(404, missing.getResponseCode());
  }
}
