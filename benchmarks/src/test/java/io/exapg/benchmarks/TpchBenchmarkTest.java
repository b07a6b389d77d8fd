package io.exapg.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A short run of bin/exapg bench tpch with ExaPG and DuckDB: every query timed on both, the
 * answers agreeing, and the report's ratios present.
 */
class TpchBenchmarkTest {
  @Test
  void everyQueryIsTimedOnEveryEngineAndTheAnswersAgree() throws Exception {
    Path data = TpchData.generate(Paths.get("target", "tpch"), 0.01);
    try (ExapgEngine exapg = new ExapgEngine(2); DuckDbEngine duckdb = new DuckDbEngine(2, null)) {
      List<TpchBenchmark.Result> results = TpchBenchmark.run(List.of(exapg, duckdb), data, 2,
          60);
      assertEquals(2, results.size());
      for (TpchBenchmark.Result result : results) {
        for (int q = 0; q < TpchQueries.COUNT; q++) {
          assertTrue(result.medianMillis()[q] > 0, result.engine() + " Q" + (q + 1));
          assertNull(result.notes()[q], result.engine() + " Q" + (q + 1));
        }
      }
      String report = TpchBenchmark.report(results, 2);
      assertTrue(report.contains("| geometric mean |"), report);
    }
  }
}
