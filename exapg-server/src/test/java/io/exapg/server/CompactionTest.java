package io.exapg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Compaction (VACUUM) under running transactions, and its effect across restarts. */
class CompactionTest {
  /** Ten small segments, then a third of the rows deleted. */
  private static void fill(Statement statement) throws SQLException {
    statement.execute("CREATE TABLE t (id BIGINT NOT NULL, v BIGINT)");
    for (int part = 0; part < 10; part++) {
      statement.execute("INSERT INTO t SELECT x, x FROM generate_series(" + (part * 1000 + 1)
          + ", " + (part + 1) * 1000 + ") AS g(x)");
      statement.execute("CHECKPOINT");
    }
    assertEquals(3333, statement.executeUpdate("DELETE FROM t WHERE id % 3 = 0"));
  }

  @Test
  void vacuumMergesSegmentsAndPurgesDeletedRowsWhileATransactionReads() throws Exception {
    try (TestServer server = TestServer.start(); Connection reader = server.connect();
        Connection writer = server.connect(); Statement rs = reader.createStatement();
        Statement ws = writer.createStatement()) {
      fill(ws);
      assertEquals(10, TestServer.queryLong(writer,
          "SELECT segments FROM exa_table_storage WHERE table_name = 't'"));
      reader.setAutoCommit(false);
      assertEquals(6667, TestServer.queryLong(reader, "SELECT count(*) FROM t"));

      ws.execute("VACUUM t");
      assertEquals(1, TestServer.queryLong(writer,
          "SELECT segments FROM exa_table_storage WHERE table_name = 't'"));
      assertEquals(0, TestServer.queryLong(writer,
          "SELECT deleted_rows FROM exa_table_storage WHERE table_name = 't'"));

      // The reader's snapshot still has the old segments; its deletes follow the rows.
      assertEquals(6667, TestServer.queryLong(reader, "SELECT count(*) FROM t"));
      assertEquals(2, rs.executeUpdate("DELETE FROM t WHERE id IN (1, 9998)"));
      assertEquals(1, rs.executeUpdate("UPDATE t SET v = -5 WHERE id = 5"));
      reader.commit();
      reader.setAutoCommit(true);
      assertEquals(6665, TestServer.queryLong(reader, "SELECT count(*) FROM t"));
      assertEquals(-5, TestServer.queryLong(reader, "SELECT v FROM t WHERE id = 5"));
      assertEquals(0, TestServer.queryLong(reader, "SELECT count(*) FROM t WHERE id IN (1, 9998)"));
    }
  }

  @Test
  void aRowDeletedBeforeCompactionCannotBeDeletedByAnOlderSnapshot() throws Exception {
    try (TestServer server = TestServer.start(); Connection old = server.connect();
        Connection other = server.connect(); Statement os = old.createStatement();
        Statement xs = other.createStatement()) {
      fill(xs);
      old.setAutoCommit(false);
      assertEquals(6667, TestServer.queryLong(old, "SELECT count(*) FROM t"));
      assertEquals(1, xs.executeUpdate("DELETE FROM t WHERE id = 7"));
      xs.execute("VACUUM t");
      SQLException conflict = assertThrows(SQLException.class,
          () -> os.executeUpdate("DELETE FROM t WHERE id = 7"));
      assertEquals("40001", conflict.getSQLState());
      old.rollback();
    }
  }

  @Test
  void compactedTablesSurviveRestarts() throws Exception {
    Path directory = Files.createTempDirectory("exapg-compact-");
    TestServer server = TestServer.start(directory);
    try (Connection connection = server.connect();
        Statement statement = connection.createStatement()) {
      fill(statement);
      statement.execute("VACUUM");
      assertEquals(1, statement.executeUpdate("DELETE FROM t WHERE id = 10"));
    }
    server.stop();
    server = TestServer.start(directory);
    try (Connection connection = server.connect()) {
      assertEquals(6666, TestServer.queryLong(connection, "SELECT count(*) FROM t"));
      long expected = 0;
      for (long id = 1; id <= 10_000; id++) {
        expected += id % 3 == 0 || id == 10 ? 0 : id;
      }
      assertEquals(expected, TestServer.queryLong(connection, "SELECT sum(v) FROM t"));
    } finally {
      server.close();
    }
  }
}
