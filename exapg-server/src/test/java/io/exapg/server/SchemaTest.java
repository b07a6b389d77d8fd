package io.exapg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.postgresql.PGProperty;

/**
 * Schemas through JDBC: the driver's currentSchema and getSchema, a prepared statement that
 * follows a change of search_path, and schemas, their tables and views across a restart.
 */
class SchemaTest {
  @Test
  void schemasTablesAndViewsSurviveARestartAndPreparedStatementsFollowTheSearchPath()
      throws Exception {
    Path data = Files.createTempDirectory("exapg-schema");
    TestServer first = TestServer.start(data);
    try (Connection connection = first.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA stage");
      statement.execute("CREATE TABLE stage.items (id INT)");
      statement.execute("INSERT INTO stage.items SELECT x FROM generate_series(1, 5) AS g(x)");
      statement.execute("CREATE TABLE items (id INT)");
      statement.execute("INSERT INTO items VALUES (100)");
      statement.execute("SET search_path TO stage");
      statement.execute("CREATE VIEW small_items AS SELECT id FROM items WHERE id < 3");
      assertEquals("stage", connection.getSchema());

      try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM items")) {
        for (int run = 0; run < 6; run++) {
          try (ResultSet rows = count.executeQuery()) {
            rows.next();
            assertEquals(5, rows.getLong(1));
          }
        }
        statement.execute("SET search_path TO public");
        try (ResultSet rows = count.executeQuery()) {
          rows.next();
          assertEquals(1, rows.getLong(1), "the prepared statement must look up items again");
        }
      }
    } finally {
      first.stop();
    }
    Properties properties = new Properties();
    PGProperty.CURRENT_SCHEMA.set(properties, "stage");
    TestServer second = TestServer.start(data);
    try (Connection connection = second.connect(properties);
        Statement statement = connection.createStatement()) {
      assertEquals("stage", connection.getSchema());
      assertEquals(15, TestServer.queryLong(connection, "SELECT sum(id) FROM items"));
      assertEquals(100, TestServer.queryLong(connection, "SELECT sum(id) FROM public.items"));
      assertEquals(3, TestServer.queryLong(connection, "SELECT sum(id) FROM small_items"));
      statement.execute("SET search_path TO public");
      assertEquals(3, TestServer.queryLong(connection, "SELECT sum(id) FROM stage.small_items"),
          "a view keeps the search path it was created with");
      SQLException error = assertThrows(SQLException.class,
          () -> statement.execute("DROP SCHEMA stage"));
      assertEquals("2BP01", error.getSQLState());
      statement.execute("DROP SCHEMA stage CASCADE");
      assertEquals(100, TestServer.queryLong(connection, "SELECT sum(id) FROM items"));
    } finally {
      second.stop();
    }
    try (TestServer server = TestServer.start(data); Connection connection = server.connect();
        Statement statement = connection.createStatement()) {
      SQLException error = assertThrows(SQLException.class,
          () -> statement.executeQuery("SELECT * FROM stage.items"));
      assertEquals("42P01", error.getSQLState());
      statement.execute("CREATE SCHEMA stage");
      statement.execute("CREATE TABLE stage.items (id INT)");
      assertEquals(0, TestServer.queryLong(connection, "SELECT count(*) FROM stage.items"));
    }
  }
}
