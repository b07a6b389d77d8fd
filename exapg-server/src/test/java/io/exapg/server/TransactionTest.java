package io.exapg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Transactions over JDBC: lost updates, concurrent transfers, changes surviving restarts. */
class TransactionTest {
  @Test
  void secondOfTwoConcurrentUpdatesOfARowFailsAtCommit() throws SQLException {
    try (TestServer server = TestServer.start();
        Connection a = server.connect();
        Connection b = server.connect();
        Statement sa = a.createStatement();
        Statement sb = b.createStatement()) {
      sa.execute("CREATE TABLE counter (id INT NOT NULL, n INT)");
      sa.execute("INSERT INTO counter VALUES (1, 0)");
      a.setAutoCommit(false);
      b.setAutoCommit(false);
      assertEquals(0, TestServer.queryLong(a, "SELECT n FROM counter"));
      assertEquals(0, TestServer.queryLong(b, "SELECT n FROM counter"));
      assertEquals(1, sa.executeUpdate("UPDATE counter SET n = n + 1"));
      assertEquals(1, sb.executeUpdate("UPDATE counter SET n = n + 1"));
      a.commit();
      SQLException lost = assertThrows(SQLException.class, b::commit);
      assertEquals("40001", lost.getSQLState());
      b.rollback();
      a.setAutoCommit(true);
      assertEquals(1, TestServer.queryLong(a, "SELECT n FROM counter"));
      assertEquals(1, TestServer.queryLong(a, "SELECT count(*) FROM counter"));
    }
  }

  /**
   * A block that changed the catalog holds the schema lock until it ends: another session's
   * DDL waits for it (and gives up at its statement_timeout), then runs.
   */
  @Test
  void ddlOfAnotherSessionWaitsForABlockWithCatalogChanges() throws Exception {
    try (TestServer server = TestServer.start();
        Connection a = server.connect();
        Connection b = server.connect();
        Statement sa = a.createStatement();
        Statement sb = b.createStatement()) {
      a.setAutoCommit(false);
      sa.execute("CREATE TABLE first_table (x INT)");
      sa.execute("INSERT INTO first_table VALUES (1)");
      sb.execute("SET statement_timeout = 300");
      SQLException timedOut = assertThrows(SQLException.class,
          () -> sb.execute("CREATE TABLE second_table (y INT)"));
      assertEquals("57014", timedOut.getSQLState());
      sb.execute("SET statement_timeout = 0");
      ExecutorService pool = Executors.newSingleThreadExecutor();
      try {
        Future<?> waiting = pool.submit(() -> {
          sb.execute("CREATE TABLE second_table (y INT)");
          return null;
        });
        Thread.sleep(300);
        assertEquals(false, waiting.isDone());
        a.commit();
        waiting.get(30, TimeUnit.SECONDS);
      } finally {
        pool.shutdownNow();
      }
      assertEquals(1, TestServer.queryLong(b, "SELECT count(*) FROM first_table"));
      assertEquals(0, TestServer.queryLong(b, "SELECT count(*) FROM second_table"));
    }
  }

  /**
   * The JDBC driver's autosave=always wraps each statement in a savepoint and rolls back to it
   * on an error, so that the transaction goes on, as with PostgreSQL.
   */
  @Test
  void jdbcAutosaveKeepsTheTransactionAfterAnError() throws Exception {
    Properties autosave = new Properties();
    autosave.setProperty("autosave", "always");
    try (TestServer server = TestServer.start();
        Connection connection = server.connect(autosave);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE saved (x INT PRIMARY KEY)");
      connection.setAutoCommit(false);
      statement.execute("INSERT INTO saved VALUES (1)");
      SQLException duplicate = assertThrows(SQLException.class,
          () -> statement.execute("INSERT INTO saved VALUES (1)"));
      assertEquals("23505", duplicate.getSQLState());
      statement.execute("INSERT INTO saved VALUES (2)");
      connection.commit();
      connection.setAutoCommit(true);
      assertEquals(2, TestServer.queryLong(connection, "SELECT count(*) FROM saved"));
      assertEquals(3, TestServer.queryLong(connection, "SELECT sum(x) FROM saved"));
    }
  }

  @Test
  void concurrentTransfersKeepTheTotal() throws Exception {
    int accounts = 20;
    int threads = 4;
    int transfersPerThread = 60;
    try (TestServer server = TestServer.start()) {
      try (Connection connection = server.connect();
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE account (id INT NOT NULL, balance BIGINT NOT NULL)");
        statement.execute("INSERT INTO account SELECT CAST(x AS INT), 1000 FROM"
            + " generate_series(1, " + accounts + ") AS g(x)");
      }
      AtomicInteger committed = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          long seed = t;
          workers.add(pool.submit(() -> {
            transfer(server, new Random(seed), accounts, transfersPerThread, committed);
            return null;
          }));
        }
        for (Future<?> worker : workers) {
          worker.get();
        }
      } finally {
        pool.shutdownNow();
      }
      try (Connection connection = server.connect()) {
        assertEquals(1000L * accounts, TestServer.queryLong(connection, "SELECT sum(balance) FROM account"));
        assertEquals(accounts, TestServer.queryLong(connection, "SELECT count(*) FROM account"));
      }
      assertEquals(threads * transfersPerThread, committed.get());
    }
  }

  /** Moves random amounts between random accounts, retrying transactions that fail 40001. */
  private static void transfer(TestServer server, Random random, int accounts, int transfers,
      AtomicInteger committed) throws SQLException {
    try (Connection connection = server.connect();
        Statement statement = connection.createStatement()) {
      connection.setAutoCommit(false);
      int done = 0;
      while (done < transfers) {
        int from = 1 + random.nextInt(accounts);
        int to = 1 + random.nextInt(accounts);
        int amount = random.nextInt(50);
        try {
          long balance = TestServer.queryLong(connection, "SELECT balance FROM account WHERE id = " + from);
          if (from != to && balance >= amount) {
            statement.executeUpdate("UPDATE account SET balance = balance - " + amount
                + " WHERE id = " + from);
            statement.executeUpdate("UPDATE account SET balance = balance + " + amount
                + " WHERE id = " + to);
          }
          connection.commit();
          committed.incrementAndGet();
          done++;
        } catch (SQLException e) {
          connection.rollback();
          if (!"40001".equals(e.getSQLState())) {
            throw e;
          }
        }
      }
    }
  }

  @Test
  void deletesAndUpdatesSurviveRestarts() throws Exception {
    Path directory = Files.createTempDirectory("exapg-tx-");
    TestServer server = TestServer.start(directory);
    try (Connection connection = server.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE t (id BIGINT NOT NULL, v BIGINT)");
      statement.execute("INSERT INTO t SELECT x, x FROM generate_series(1, 1500000) AS g(x)");
      assertEquals(500000, statement.executeUpdate("DELETE FROM t WHERE id % 3 = 0"));
      assertEquals(10, statement.executeUpdate("UPDATE t SET v = 0 WHERE id <= 14"));
      statement.execute("INSERT INTO t VALUES (2000000, 7)");
    }
    long expected = 1500000L * 1500001 / 2;
    expected -= 3L * (500000L * 500001 / 2);
    expected -= 1 + 2 + 4 + 5 + 7 + 8 + 10 + 11 + 13 + 14;
    expected += 7;
    server.stop();
    server = TestServer.start(directory);
    try (Connection connection = server.connect();
        Statement statement = connection.createStatement()) {
      assertEquals(1000001, TestServer.queryLong(connection, "SELECT count(*) FROM t"));
      assertEquals(expected, TestServer.queryLong(connection, "SELECT sum(v) FROM t"));
      assertEquals(1000001, statement.executeUpdate("UPDATE t SET v = v + 1"));
      assertEquals(1, statement.executeUpdate("DELETE FROM t WHERE id = 2000000"));
    }
    server.stop();
    server = TestServer.start(directory);
    try (Connection connection = server.connect()) {
      assertEquals(1000000, TestServer.queryLong(connection, "SELECT count(*) FROM t"));
      assertEquals(expected - 7 + 1000000, TestServer.queryLong(connection, "SELECT sum(v) FROM t"));
    } finally {
      server.close();
    }
  }
}
