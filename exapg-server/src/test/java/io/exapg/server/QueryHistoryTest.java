package io.exapg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Finished statements in exa_query_history and exa_statement_stats (with their I/O per tier),
 * reads per column in exa_table_io, who may see them, exa_statement_stats_reset(), and the
 * Prometheus metrics at /metrics.
 */
class QueryHistoryTest {
  private static TestServer server;

  @BeforeAll
  static void start() throws SQLException {
    server = TestServer.start();
    try (Connection connection = server.connect(); Statement statement =
        connection.createStatement()) {
      statement.execute("CREATE TABLE numbers AS SELECT x, x % 7 AS m FROM"
          + " generate_series(1, 200000) AS g(x)");
      statement.execute("CHECKPOINT");
      statement.execute("CREATE ROLE watcher LOGIN");
      statement.execute("GRANT SELECT ON numbers TO watcher");
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void finishedStatementsAreKeptWithTheirRowsOutcomeAndIo() throws Exception {
    try (Connection connection = server.connect(); Statement statement =
        connection.createStatement()) {
      statement.executeQuery("SELECT sum(x) FROM numbers WHERE m = 3").close();
      statement.executeQuery("SELECT sum(x) FROM numbers WHERE m = 4").close();
      assertThrows(SQLException.class, () -> statement.executeQuery("SELECT * FROM missing"));
      List<String> history = TestServer.rows(statement, "SELECT query_text, status, row_count,"
          + " tier1_reads + tier2_reads + tier3_reads > 0, tier1_bytes + tier2_bytes"
          + " + tier3_bytes > 0, duration_ms > 0 FROM exa_query_history"
          + " WHERE query_text LIKE '%numbers WHERE m%' OR query_text LIKE '%missing%'"
          + " ORDER BY trace_id");
      assertEquals(List.of(
          "SELECT sum(x) FROM numbers WHERE m = 3 ok 1 t t t",
          "SELECT sum(x) FROM numbers WHERE m = 4 ok 1 t t t",
          "SELECT * FROM missing 42P01 0 f f t"), history);
      // the second scan of the same chunks finds them in the chunk cache (Tier 1)
      assertEquals(List.of("t"), TestServer.rows(statement, "SELECT tier1_reads > 0 FROM"
          + " exa_query_history WHERE query_text = 'SELECT sum(x) FROM numbers WHERE m = 4'"));
      List<String> stats = TestServer.rows(statement, "SELECT calls, row_count, mean_ms <= max_ms,"
          + " p95_ms <= max_ms, tier1_reads + tier2_reads + tier3_reads > 0"
          + " FROM exa_statement_stats"
          + " WHERE query_text = 'SELECT sum(x) FROM numbers WHERE m = ?'");
      assertEquals(List.of("2 2 t t t"), stats);
      assertEquals(List.of("public numbers m t", "public numbers x t"), TestServer.rows(statement,
          "SELECT schema_name, table_name, column_name, tier1_reads + tier2_reads"
          + " + tier3_reads >= 2 FROM exa_table_io WHERE table_name = 'numbers'"
          + " ORDER BY column_name"));
    }
  }

  @Test
  void streamedResultsCountEveryRowSent() throws Exception {
    try (Connection connection = server.connect()) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.setFetchSize(1000);
        long rows = 0;
        try (ResultSet result = statement.executeQuery(
            "SELECT x FROM numbers WHERE x <= 25000")) {
          while (result.next()) {
            rows++;
          }
        }
        assertEquals(25000, rows);
      }
      connection.commit();
      try (Statement statement = connection.createStatement()) {
        assertEquals(List.of("25000 ok"), TestServer.rows(statement, "SELECT row_count, status FROM"
            + " exa_query_history WHERE query_text = 'SELECT x FROM numbers WHERE x <= 25000'"));
      }
    }
  }

  @Test
  void usersSeeTheirOwnHistoryAndOnlySuperusersTheStatementFigures() throws Exception {
    Properties watcher = new Properties();
    watcher.setProperty("user", "watcher");
    try (Connection connection = server.connect(watcher); Statement statement =
        connection.createStatement()) {
      statement.executeQuery("SELECT count(*) FROM numbers").close();
      List<String> users = TestServer.rows(statement,
          "SELECT DISTINCT user_name FROM exa_query_history");
      assertEquals(List.of("watcher"), users);
      assertEquals(List.of("0"), TestServer.rows(statement,
          "SELECT count(*) FROM exa_statement_stats"));
      SQLException denied = assertThrows(SQLException.class,
          () -> statement.executeQuery("SELECT exa_statement_stats_reset()"));
      assertEquals("42501", denied.getSQLState());
    }
    try (Connection connection = server.connect(); Statement statement =
        connection.createStatement()) {
      assertTrue(TestServer.rows(statement, "SELECT DISTINCT user_name FROM exa_query_history")
          .contains("watcher"));
      statement.executeQuery("SELECT exa_statement_stats_reset()").close();
      assertEquals(List.of("SELECT exa_statement_stats_reset()"),
          TestServer.rows(statement, "SELECT query_text FROM exa_statement_stats"));
      SQLException inside = assertThrows(SQLException.class,
          () -> statement.executeQuery("SELECT exa_statement_stats_reset() || 'x'"));
      assertEquals("0A000", inside.getSQLState());
    }
  }

  @Test
  void tracedStatementsExportAsChromeTraceEventsAndFoldedStacks() throws Exception {
    try (Connection connection = server.connect(); Statement statement =
        connection.createStatement()) {
      statement.execute("SET exapg.trace = on");
      statement.executeQuery("SELECT m, count(*) FROM numbers GROUP BY m ORDER BY m").close();
      statement.executeQuery("SELECT m, count(*) FROM numbers GROUP BY m  ORDER BY m").close();
      statement.executeQuery("SELECT m, count(*) FROM numbers GROUP BY m  ORDER BY m").close();
      statement.execute("SET exapg.trace = off");
      // the same text again is planned once: its second run takes the plan from the cache
      String again = TestServer.rows(statement, "SELECT exa_trace_export(trace_id, 'chrome') FROM"
          + " exa_query_history WHERE query_text LIKE 'SELECT m, count(*) FROM numbers GROUP BY"
          + " m  ORDER%' ORDER BY trace_id DESC LIMIT 1").get(0);
      assertTrue(again.contains("\"name\":\"plan cache hit\",\"cat\":\"phase\""), again);
      assertTrue(!again.contains("\"name\":\"optimize\""), again);
      statement.executeQuery("SELECT m FROM numbers WHERE x = 7").close();
      String chrome = TestServer.rows(statement, "SELECT exa_trace_export(trace_id, 'chrome') FROM"
          + " exa_query_history WHERE query_text LIKE 'SELECT m, count(*) FROM numbers GROUP BY"
          + " m ORDER%'").get(0);
      assertTrue(chrome.startsWith("{\"displayTimeUnit\":\"ms\",\"traceEvents\":["), chrome);
      // well-formed Trace Event JSON: complete events ("X") with the fields viewers need
      JsonNode events = new ObjectMapper().readTree(chrome).get("traceEvents");
      assertTrue(events.isArray() && events.size() >= 8, chrome);
      for (JsonNode event : events) {
        assertEquals("X", event.get("ph").asText(), event.toString());
        for (String field : List.of("name", "cat", "ts", "dur", "pid", "tid", "args")) {
          assertTrue(event.has(field), field + " missing from " + event);
        }
        assertTrue(event.get("dur").asLong() >= 1 && event.get("ts").asLong() > 0,
            event.toString());
      }
      for (String expected : List.of("\"name\":\"parse\",\"cat\":\"phase\"",
          "\"name\":\"validate\",\"cat\":\"phase\"",
          "\"name\":\"optimize\",\"cat\":\"phase\"",
          "\"name\":\"execute\",\"cat\":\"phase\"", "\"name\":\"send\"",
          "\"sent_bytes\":", "\"admission_wait_ms\":",
          "\"cat\":\"operator\"", "\"name\":\"Scan public.numbers",
          "\"rows\":200000", "\"ph\":\"X\"")) {
        assertTrue(chrome.contains(expected), expected + " missing from " + chrome);
      }
      String folded = TestServer.rows(statement, "SELECT exa_trace_export(trace_id, 'folded') FROM"
          + " exa_query_history WHERE query_text LIKE 'SELECT m, count(*) FROM numbers GROUP BY"
          + " m ORDER%'").get(0);
      assertTrue(folded.lines().anyMatch(line -> line.matches(
          "statement \\d+;Sort.*;.*Aggregate.*;Scan public\\.numbers.* \\d+")), folded);
      // statements run with tracing off keep no detail
      assertEquals(List.of("true"), TestServer.rows(statement, "SELECT exa_trace_export(trace_id,"
          + " 'chrome') IS NULL FROM exa_query_history"
          + " WHERE query_text = 'SELECT m FROM numbers WHERE x = 7'").stream()
          .map(value -> value.equals("t") ? "true" : value).toList());
      SQLException unknown = assertThrows(SQLException.class, () -> statement.executeQuery(
          "SELECT exa_trace_export(1, 'svg')"));
      assertEquals("22023", unknown.getSQLState());
    }
  }

  @Test
  void nodeWideTracingFollowsOneUserUntilStopped() throws Exception {
    Properties watcher = new Properties();
    watcher.setProperty("user", "watcher");
    try (Connection admin = server.connect(); Statement adminStatement =
        admin.createStatement(); Connection user = server.connect(watcher);
        Statement userStatement = user.createStatement()) {
      SQLException denied = assertThrows(SQLException.class,
          () -> userStatement.executeQuery("SELECT exa_trace_start()"));
      assertEquals("42501", denied.getSQLState());
      assertEquals(List.of("tracing user watcher"), TestServer.rows(adminStatement,
          "SELECT exa_trace_start(user_name => 'watcher')"));
      userStatement.executeQuery("SELECT min(x) FROM numbers WHERE m = 5").close();
      adminStatement.executeQuery("SELECT min(x) FROM numbers WHERE m = 6").close();
      assertEquals(List.of("tracing stopped"), TestServer.rows(adminStatement,
          "SELECT exa_trace_stop()"));
      userStatement.executeQuery("SELECT min(x) FROM numbers WHERE m = 2").close();
      assertEquals(List.of("5 t", "6 f", "2 f"), TestServer.rows(adminStatement,
          "SELECT right(query_text, 1), exa_trace_export(trace_id, 'folded') IS NOT NULL"
          + " FROM exa_query_history WHERE query_text LIKE 'SELECT min(x) FROM numbers%'"
          + " ORDER BY trace_id"));
      SQLException unknown = assertThrows(SQLException.class,
          () -> adminStatement.executeQuery("SELECT exa_trace_start(users => 'x')"));
      assertEquals("22023", unknown.getSQLState());
    }
  }

  @Test
  void historyShowsBytesSentSpillsAndWalSyncs() throws Exception {
    try (Connection connection = server.connect(); Statement statement =
        connection.createStatement()) {
      statement.executeQuery("SELECT x FROM numbers").close();
      statement.execute("SET exapg.query_memory_limit = '24MB'");
      statement.executeQuery("SELECT count(*) FROM (SELECT g % 300000 AS k, count(*) AS c"
          + " FROM generate_series(1, 1000000) AS s(g) GROUP BY g % 300000) t").close();
      statement.execute("RESET exapg.query_memory_limit");
      statement.execute("CREATE TABLE synced (a int)");
      statement.execute("INSERT INTO synced VALUES (1)");
      // 200,000 DataRow messages of at least 11 bytes each
      assertEquals(List.of("t 0"), TestServer.rows(statement,
          "SELECT sent_bytes > 2200000, spilled_bytes FROM exa_query_history"
          + " WHERE query_text = 'SELECT x FROM numbers'"));
      assertEquals(List.of("t"), TestServer.rows(statement, "SELECT spilled_bytes > 0 FROM"
          + " exa_query_history WHERE query_text LIKE 'SELECT count(*) FROM (SELECT g%'"));
      assertEquals(List.of("t t t"), TestServer.rows(statement, "SELECT wal_sync_ms > 0,"
          + " lock_wait_ms >= 0, admission_wait_ms = 0 FROM exa_query_history"
          + " WHERE query_text = 'INSERT INTO synced VALUES (1)'"));
    }
    String metrics = scrape();
    for (String expected : List.of("exapg_client_sent_bytes_total ", "exapg_spill_bytes_total ",
        "exapg_spill_files_total ", "exapg_wait_time_seconds_total{cause=\"admission\"}",
        "exapg_wait_time_seconds_total{cause=\"wal_sync\"}",
        "exapg_wal_fsync_duration_seconds_bucket{le=", "exapg_admission_waiting ",
        "exapg_admission_limit ")) {
      assertTrue(metrics.contains(expected), expected + " missing from:\n" + metrics);
    }
    assertTrue(metric(metrics, "exapg_spill_bytes_total") > 0, metrics);
    assertTrue(metric(metrics, "exapg_wal_fsync_duration_seconds_count") > 0, metrics);
  }

  private static String scrape() throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + server.httpPort() + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  private static double metric(String metrics, String name) {
    return Double.parseDouble(metrics.lines().filter(line -> line.startsWith(name + " "))
        .findFirst().orElseThrow().substring(name.length() + 1));
  }

  @Test
  void metricsAreServedInPrometheusFormat() throws Exception {
    try (Connection connection = server.connect(); Statement statement =
        connection.createStatement()) {
      statement.executeQuery("SELECT max(x) FROM numbers").close();
      assertThrows(SQLException.class, () -> statement.executeQuery("SELECT 1/0"));
    }
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + server.httpPort() + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode());
    assertTrue(response.headers().firstValue("content-type").orElse("")
        .startsWith("text/plain"));
    String metrics = response.body();
    for (String expected : List.of("exapg_queries_total{status=\"ok\"}",
        "exapg_queries_total{status=\"22012\"}", "exapg_query_duration_seconds_bucket{le=",
        "exapg_io_reads_total{tier=\"1\"}", "exapg_io_read_bytes_total{tier=\"3\"}",
        "exapg_chunk_cache_hit_ratio ", "exapg_sessions_active ", "exapg_memory_limit_bytes ",
        "exapg_storage_segments ", "exapg_storage_compression_ratio ",
        "jvm_memory_used_bytes")) {
      assertTrue(metrics.contains(expected), expected + " missing from:\n" + metrics);
    }
    double segments = Double.parseDouble(metrics.lines()
        .filter(line -> line.startsWith("exapg_storage_segments ")).findFirst().orElseThrow()
        .substring("exapg_storage_segments ".length()));
    assertTrue(segments >= 1, "segments: " + segments);
  }

}
