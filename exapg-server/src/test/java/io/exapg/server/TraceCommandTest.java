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
      Path text;
      Path binary;
      try (var files = Files.list(traces)) {
        List<Path> all = files.sorted().toList();
        text = all.stream().filter(f -> f.toString().endsWith(".trc")).findFirst().orElseThrow();
        binary = all.stream().filter(f -> f.toString().endsWith(".trz")).findFirst()
            .orElseThrow();
      }
      String written = Files.readString(text);
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
