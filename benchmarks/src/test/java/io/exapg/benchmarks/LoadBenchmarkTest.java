package io.exapg.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A short run of the load benchmark: many clients at once, errors only where provoked, and
 * every session and byte of query memory given back afterwards. bin/exapg bench load runs the
 * full 64 clients for five minutes.
 */
class LoadBenchmarkTest {
  @Test
  void concurrentClientsLeaveNothingBehind() throws Exception {
    try (ExapgEngine engine = new ExapgEngine(2, 40)) {
      LoadBenchmark.Result result = LoadBenchmark.run(engine, 24, 8, 50_000);
      String report = LoadBenchmark.report(result);
      assertEquals(0, result.unexpected(), report);
      assertEquals(result.connectionsBefore(), result.connectionsAfter(), report);
      assertEquals(result.memoryBefore(), result.memoryAfter(), report);
      for (LoadBenchmark.Kind kind : LoadBenchmark.Kind.values()) {
        assertTrue(result.latencies().get(kind).length > 0, kind + " never ran:\n" + report);
      }
      assertEquals(result.rowsInserted(), Long.parseLong(engine.query(
          "SELECT count(*) FROM load_events").get(0)), report);
    }
  }
}
