package io.exapg.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/**
 * A short run of the tracing overhead benchmark: every query timed in every mode, and the
 * traced modes really traced. bin/exapg bench trace-overhead runs it at scale factor 1.
 */
class TraceOverheadBenchmarkTest {
  @Test
  void everyQueryIsTimedInEveryModeAndTracedWhereAsked() throws Exception {
    Path data = TpchData.generate(Paths.get("target", "tpch"), 0.01);
    try (ExapgEngine engine = new ExapgEngine(2)) {
      TraceOverheadBenchmark.Result result = TraceOverheadBenchmark.run(engine, data, 1, 60);
      for (TraceOverheadBenchmark.Mode mode : TraceOverheadBenchmark.Mode.values()) {
        for (double millis : result.medianMillis()[mode.ordinal()]) {
          assertTrue(millis > 0, mode + " has a query without a time");
        }
      }
      String report = TraceOverheadBenchmark.report(result);
      assertTrue(report.contains("| geometric mean |"), report);
      // one round: each query ran traced once (on), maybe once more (sampled, 1 %), and at
      // least twice without detail (off, off again)
      String queries = "FROM exa_query_history WHERE query_text NOT LIKE 'SELECT exa_trace%'"
          + " AND start_time >= (SELECT max(start_time) FROM exa_query_history"
          + " WHERE query_text = 'CHECKPOINT')";
      long traced = Long.parseLong(engine.query("SELECT count(*) " + queries
          + " AND exa_trace_export(trace_id, 'folded') IS NOT NULL").get(0));
      long untraced = Long.parseLong(engine.query("SELECT count(*) " + queries
          + " AND exa_trace_export(trace_id, 'folded') IS NULL").get(0));
      assertTrue(traced >= 22 && traced <= 44, "traced: " + traced);
      assertTrue(untraced >= 44, "untraced: " + untraced);
    }
  }
}
