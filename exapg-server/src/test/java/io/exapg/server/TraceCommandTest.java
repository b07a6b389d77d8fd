package io.exapg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * exapg trace export and exapg trace analyze against a running node and on its trace files,
 * the trace files themselves, and the report's rules.
 */
class TraceCommandTest {
  @Test
  void exportAndAnalyzeReadTheNodesHistory(@TempDir Path directory) throws Exception {
    try (TestServer server = TestServer.start(directory.resolve("data"))) {
      long traceId;
      try (Connection connection = server.connect(); Statement statement =
          connection.createStatement()) {
        statement.execute("CREATE TABLE facts AS SELECT x, x % 3 AS g FROM"
            + " generate_series(1, 30000) AS s(x)");
        statement.execute("CHECKPOINT");
        statement.execute("SET exapg.trace = on");
        statement.executeQuery("SELECT g, sum(x) FROM facts GROUP BY g").close();
        try (ResultSet rows = statement.executeQuery("SELECT trace_id FROM exa_query_history"
            + " WHERE query_text = 'SELECT g, sum(x) FROM facts GROUP BY g'")) {
          rows.next();
          traceId = rows.getLong(1);
        }
      }
      String port = Integer.toString(server.port());
      Path chrome = directory.resolve("trace.json");
      assertEquals(0, run("trace", "export", "--port", port, "--trace-id",
          Long.toString(traceId), "--output", chrome.toString())[0].length());
      assertTrue(Files.readString(chrome).contains("\"cat\":\"operator\""));
      String[] folded = run("trace", "export", "--port", port, "--trace-id",
          Long.toString(traceId), "--format", "folded");
      assertTrue(folded[0].contains(";Scan public.facts"), folded[0] + folded[1]);
      String[] missing = run("trace", "export", "--port", port, "--trace-id", "999999");
      assertTrue(missing[1].contains("not in the query history"), missing[1]);
      Path traces = directory.resolve("data").resolve("trace");
      Path text = null;
      Path binary = null;
      String written = "";
      // the files are written by a thread of their own, shortly after the statement ends
      for (long deadline = System.nanoTime() + 10_000_000_000L;
          !written.contains("== trace " + traceId) && System.nanoTime() < deadline; ) {
        Thread.sleep(20);
        if (!Files.isDirectory(traces)) {
          continue;
        }
        try (var files = Files.list(traces)) {
          List<Path> all = files.sorted().toList();
          text = all.stream().filter(f -> f.toString().endsWith(".trc")).findFirst()
              .orElse(null);
          binary = all.stream().filter(f -> f.toString().endsWith(".trz")).findFirst()
              .orElse(null);
        }
        written = text == null ? "" : Files.readString(text);
      }
      assertTrue(written.contains("== trace " + traceId + "  session "), written);
      assertTrue(written.contains("query: SELECT g, sum(x) FROM facts GROUP BY g"), written);
      assertTrue(written.contains("-> Scan public.facts"), written);
      String[] fromFile = run("trace", "analyze", "--file", binary.toString(), "--slow-ms",
          "0");
      assertTrue(fromFile[0].contains("trace " + traceId + "  ok  SELECT g, sum(x) FROM facts"),
          fromFile[0] + fromFile[1]);
      String[] report = run("trace", "analyze", "--port", port, "--slow-ms", "0");
      for (String expected : List.of("statements: ", "bytes read by tier: ", "top tier: ",
          "slow statements (at least 0 ms)", "SELECT g, sum(x) FROM facts GROUP BY g",
          "hottest columns", "public.facts.x", "recommendations:")) {
        assertTrue(report[0].contains(expected), expected + " missing from\n" + report[0]);
      }
    }
  }

  @Test
  void filtersThatPruneNothingAndJoinsThatWouldMoveDataGetLayoutRecommendations(
      @TempDir Path directory) throws Exception {
    try (TestServer server = TestServer.start(directory.resolve("data"))) {
      try (Connection connection = server.connect(); Statement statement =
          connection.createStatement()) {
        statement.execute("CREATE TABLE events AS SELECT x, (x * 7919) % 100000 AS customer"
            + " FROM generate_series(1, 400000) AS s(x)");
        statement.execute("CREATE TABLE customers AS SELECT x AS id, 'c' || x AS name"
            + " FROM generate_series(0, 99999) AS s(x)");
        statement.execute("CHECKPOINT");
        for (int i = 0; i < 5; i++) {
          // customer values are spread over every row group: zone maps cannot skip any
          statement.executeQuery("SELECT count(*) FROM events WHERE customer BETWEEN "
              + i * 1000 + " AND " + (i * 1000 + 99)).close();
          // x rises with the load order: zone maps skip all row groups but one
          statement.executeQuery("SELECT count(*) FROM events WHERE x BETWEEN "
              + (i * 1000 + 1) + " AND " + (i * 1000 + 100)).close();
        }
        statement.executeQuery("SELECT count(*) FROM events e JOIN customers c"
            + " ON e.customer = c.id").close();
        List<String> filters = TestServer.rows(statement, "SELECT column_name, filter_scans,"
            + " filter_row_groups_skipped = 0, filter_rows_passed < filter_rows_examined / 100"
            + " FROM exa_table_io WHERE table_name = 'events' AND filter_scans > 0"
            + " ORDER BY column_name");
        assertEquals(List.of("customer 5 t t", "x 5 f t"), filters);
        List<String> joins = TestServer.rows(statement, "SELECT left_table, left_columns,"
            + " right_table, right_columns, joins, left_rows, right_rows,"
            + " moved_bytes = left_bytes + right_bytes FROM exa_join_traffic");
        assertEquals(List.of("public.events customer public.customers id 1 400000 100000 t"),
            joins);
        String[] report = run("trace", "analyze", "--port", Integer.toString(server.port()),
            "--min-moved-bytes", "1000");
        assertTrue(report[0].contains("ALTER TABLE public.events PARTITION BY customer (or load"
            + " it sorted by customer): 5 scans filtered on it"), report[0] + report[1]);
        assertTrue(!report[0].contains("PARTITION BY x"), report[0]);
        assertTrue(report[0].contains("DISTRIBUTE BY (customer) on public.events and"
            + " DISTRIBUTE BY (id) on public.customers: 1 joins on these keys would move"),
            report[0]);
        // distributed by their join keys, the tables join where they are: nothing moves
        statement.execute("ALTER TABLE events DISTRIBUTE BY (customer)");
        statement.execute("ALTER TABLE customers DISTRIBUTE BY (id)");
        long moved = TestServer.queryLong(connection,
            "SELECT moved_bytes FROM exa_join_traffic");
        statement.executeQuery("SELECT count(*) FROM events e JOIN customers c"
            + " ON e.customer = c.id").close();
        assertEquals(List.of("2 t"), TestServer.rows(statement, "SELECT joins,"
            + " moved_bytes = " + moved + " FROM exa_join_traffic"));
      }
    }
  }

  @Test
  void aCacheTooSmallIsRecommendedWithItsEvidence() {
    TraceReport.Fingerprint repeated = new TraceReport.Fingerprint(
        "SELECT sum(x) FROM facts WHERE g = ?", 12, 900, 75, new long[] {10, 0, 30},
        new long[] {1000, 0, 3000});
    List<String> found = TraceReport.recommendations(new long[] {1000, 0, 3000},
        List.of(repeated));
    assertEquals(1, found.size());
    assertTrue(found.get(0).contains("75% of the bytes read came from the device"), found.get(0));
    assertTrue(found.get(0).contains("12 calls reading 3000 device bytes"), found.get(0));
    assertEquals(List.of(), TraceReport.recommendations(new long[] {9000, 0, 1000},
        List.of(repeated)));
    TraceReport.Fingerprint once = new TraceReport.Fingerprint("SELECT 1", 1, 1, 1,
        new long[] {0, 0, 5}, new long[] {0, 0, 500});
    assertEquals(List.of(), TraceReport.recommendations(new long[] {0, 0, 500},
        List.of(once)));
  }

  /** Runs the exapg command line in this JVM; its standard output and error. */
  private static String[] run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      new CommandLine(new ExapgCommand())
          .setDefaultValueProvider(new SettingsDefaults(Map.of(), new java.util.Properties()))
          .execute(args);
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
    return new String[] {out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8)};
  }
}
