package io.exapg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --max-active-statements: past the limit, sessions wait their turn (pg_stat_activity shows
 * it, the history charges it), a waiting statement can be canceled or time out, and queries
 * over system tables never wait.
 */
class AdmissionTest {
  @Test
  void sessionsPastTheLimitWaitTheirTurn(@TempDir Path directory) throws Exception {
    try (TestServer server = TestServer.start(directory, config -> config.withWorkload(
        new WorkloadOptions(1000, 1, 1 << 20, 4 << 20)))) {
      try (Connection setup = server.connect(); Statement statement = setup.createStatement()) {
        statement.execute("CREATE TABLE t AS SELECT x FROM generate_series(1, 100000) AS s(x)");
      }
      try (Connection holder = server.connect(); Connection waiter = server.connect();
          Connection watcher = server.connect()) {
        // a result fetched a few rows at a time keeps its query, and its slot, open
        holder.setAutoCommit(false);
        Statement holding = holder.createStatement();
        holding.setFetchSize(10);
        ResultSet open = holding.executeQuery("SELECT x FROM t");
        open.next();
        CompletableFuture<Long> waiting = CompletableFuture.supplyAsync(() -> {
          try {
            return TestServer.queryLong(waiter, "SELECT count(*) FROM t");
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (TestServer.queryLong(watcher, "SELECT count(*) FROM pg_stat_activity"
            + " WHERE wait_event_type = 'Admission' AND query = 'SELECT count(*) FROM t'")
            == 0) {
          assertTrue(System.nanoTime() < deadline, "the second query never queued");
          Thread.sleep(20);
        }
        Thread.sleep(200);
        assertTrue(!waiting.isDone());
        // query_id is the trace id the statement keeps in the history
        long traceId = TestServer.queryLong(watcher, "SELECT query_id FROM pg_stat_activity"
            + " WHERE wait_event_type = 'Admission'");
        try (Statement timed = watcher.createStatement()) {
          timed.execute("SET statement_timeout = '300ms'");
          SQLException timeout = assertThrows(SQLException.class,
              () -> timed.executeQuery("SELECT max(x) FROM t"));
          assertEquals("57014", timeout.getSQLState());
          timed.execute("RESET statement_timeout");
          // system tables answer while every slot is taken
          assertEquals(1, TestServer.queryLong(watcher, "SELECT count(*) FROM"
              + " pg_stat_activity WHERE wait_event_type = 'Admission'"));
        }
        open.close();
        holder.commit();
        assertEquals(100000L, waiting.get(20, TimeUnit.SECONDS));
        assertTrue(TestServer.queryLong(watcher, "SELECT CAST(admission_wait_ms AS BIGINT)"
            + " FROM exa_query_history WHERE trace_id = " + traceId
            + " AND query_text = 'SELECT count(*) FROM t'") >= 200);
      }
    }
  }
}
