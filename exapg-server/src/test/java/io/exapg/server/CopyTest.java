package io.exapg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/** COPY with data large enough to be cut into many pieces, through JDBC and psql. */
class CopyTest {
  private static final int ROWS = 300_000;

  /** CSV rows; every 1000th has a quoted field with a comma, quotes and a line break. */
  private static String csv(int rows, int badRow) {
    StringBuilder data = new StringBuilder(rows * 40);
    for (int i = 1; i <= rows; i++) {
      data.append(i == badRow ? "oops" : Integer.toString(i)).append(',');
      if (i % 1000 == 0) {
        data.append("\"row ").append(i).append(", \"\"quoted\"\"\nsecond line\"");
      } else {
        data.append("row ").append(i);
      }
      data.append(',').append(i % 97).append(".25\n");
    }
    return data.toString();
  }

  @Test
  void largeCsvWithLineBreaksInQuotesLoadsInOrder() throws Exception {
    try (TestServer server = TestServer.start(); Connection connection = server.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE t (id INT NOT NULL, label VARCHAR(60), v DECIMAL(6,2))");
      CopyManager copies = connection.unwrap(PGConnection.class).getCopyAPI();
      long loaded = copies.copyIn("COPY t FROM STDIN WITH (FORMAT csv)",
          new StringReader(csv(ROWS, -1)));
      assertEquals(ROWS, loaded);
      assertEquals((long) ROWS * (ROWS + 1) / 2, TestServer.queryLong(connection, "SELECT sum(id) FROM t"));
      assertEquals(ROWS / 1000, TestServer.queryLong(connection,
          "SELECT count(*) FROM t WHERE label LIKE '%quoted\"\nsecond line'"));
      try (ResultSet rows = statement.executeQuery("SELECT label FROM t WHERE id = 5000")) {
        rows.next();
        assertEquals("row 5000, \"quoted\"\nsecond line", rows.getString(1));
      }
    }
  }

  @Test
  void aBadRowDeepInTheDataNamesItsLineAndLoadsNothing() throws Exception {
    try (TestServer server = TestServer.start(); Connection connection = server.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE t (id INT NOT NULL, label VARCHAR(60), v DECIMAL(6,2))");
      CopyManager copies = connection.unwrap(PGConnection.class).getCopyAPI();
      int badRow = 250_123;
      SQLException error = assertThrows(SQLException.class, () -> copies.copyIn(
          "COPY t FROM STDIN WITH (FORMAT csv)", new StringReader(csv(ROWS, badRow))));
      assertEquals("22P02", error.getSQLState());
      // Each 1000th row spans two lines of the file, but COPY counts records.
      assertTrue(error.getMessage().contains("COPY t, line " + badRow + ", column id: \"oops\""),
          error.getMessage());
      assertEquals(0, TestServer.queryLong(connection, "SELECT count(*) FROM t"));
      assertEquals(1, statement.executeUpdate("INSERT INTO t VALUES (1, 'after', 1)"));
    }
  }

  @Test
  void psqlCopiesFilesInAndOut(@TempDir Path directory) throws Exception {
    Path source = directory.resolve("in.txt");
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= 50_000; i++) {
      text.append(i).append('\t').append(i % 3 == 0 ? "\\N" : "name\\t" + i).append('\t')
          .append("2024-01-").append(String.format("%02d", 1 + i % 28)).append('\n');
    }
    Files.writeString(source, text.toString(), StandardCharsets.UTF_8);
    Path target = directory.resolve("out.txt");
    try (TestServer server = TestServer.start()) {
      try (Connection connection = server.connect();
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE p (id INT, name TEXT, day DATE)");
      }
      String output = psql(server, "\\copy p from '" + source + "'",
          "\\copy (SELECT * FROM p ORDER BY id) to '" + target + "'");
      assertTrue(output.contains("COPY 50000"), output);
    }
    assertEquals(text.toString(), Files.readString(target, StandardCharsets.UTF_8));
  }

  private static String psql(TestServer server, String... commands)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("psql", "-X", "-v",
        "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", Integer.toString(server.port()), "-U",
        "exapg", "-d", "exapg"));
    for (String line : commands) {
      command.add("-c");
      command.add(line);
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(),
        StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue(), output);
    return output;
  }
}
