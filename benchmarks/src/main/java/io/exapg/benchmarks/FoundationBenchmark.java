package io.exapg.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Issue 2's benchmark: N rows of (INTEGER, BIGINT, DECIMAL(12,2), DATE, VARCHAR with 50
 * distinct values), generated inside each engine by the same SQL, then COUNT(*), SUM, a GROUP
 * BY on the low-cardinality column and a selective range count, each timed as the median of
 * several runs after a warm-up. Results are checked to agree across engines.
 */
final class FoundationBenchmark {
  /** One timed query. */
  record Query(String name, String sql) {
  }

  static final List<Query> QUERIES = List.of(
      new Query("count(*)", "SELECT count(*) FROM bench"),
      new Query("sum bigint, decimal", "SELECT sum(b), sum(d) FROM bench"),
      new Query("group by varchar(50 values)",
          "SELECT s, count(*), sum(d), min(dt) FROM bench GROUP BY s ORDER BY s"),
      new Query("range count (1/10 of rows)",
          "SELECT count(*), sum(b) FROM bench WHERE i BETWEEN 2000001 AND 3000000"));

  /** Timings of one engine. */
  record Result(String engine, double loadSeconds, double[] medianMillis, long peakMemory) {
  }

  private FoundationBenchmark() {
  }

  static String createTable() {
    return "CREATE TABLE bench (i INTEGER, b BIGINT, d DECIMAL(12,2), dt DATE, s VARCHAR(20))";
  }

  static String load(long rows) {
    return "INSERT INTO bench SELECT CAST(x AS INTEGER), CAST(x AS BIGINT) * 7919 % 1000003,"
        + " CAST(x % 100000 AS DECIMAL(12,2)) * 0.01, DATE '2000-01-01' + CAST(x % 3650 AS"
        + " INTEGER), 'category_' || CAST(x % 50 AS VARCHAR) FROM generate_series(1, " + rows
        + ") AS g(x)";
  }

  static List<Result> run(List<Engine> engines, long rows, int runs) throws Exception {
    List<Result> results = new ArrayList<>();
    List<List<String>> reference = null;
    for (Engine engine : engines) {
      System.err.printf(Locale.ROOT, "%s: loading %,d rows%n", engine.name(), rows);
      engine.execute(createTable());
      long start = System.nanoTime();
      engine.execute(load(rows));
      if (engine instanceof PostgresEngine) {
        engine.execute("ANALYZE bench");
      }
      double loadSeconds = (System.nanoTime() - start) / 1e9;
      double[] medians = new double[QUERIES.size()];
      List<List<String>> answers = new ArrayList<>();
      for (int q = 0; q < QUERIES.size(); q++) {
        Query query = QUERIES.get(q);
        answers.add(engine.query(query.sql()));
        double[] times = new double[runs];
        for (int r = 0; r < runs; r++) {
          long t = System.nanoTime();
          engine.query(query.sql());
          times[r] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(times);
        medians[q] = times[runs / 2];
        System.err.printf(Locale.ROOT, "%s: %-30s %10.1f ms%n", engine.name(), query.name(),
            medians[q]);
      }
      if (reference == null) {
        reference = answers;
      } else {
        for (int q = 0; q < QUERIES.size(); q++) {
          if (!reference.get(q).equals(answers.get(q))) {
            throw new IllegalStateException(engine.name() + " disagrees on "
                + QUERIES.get(q).name() + ": " + answers.get(q) + " vs " + reference.get(q));
          }
        }
      }
      results.add(new Result(engine.name(), loadSeconds, medians, engine.peakMemoryBytes()));
    }
    return results;
  }

  static String report(List<Result> results, long rows, int runs) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "Foundation benchmark: %,d rows, median of %d runs%n%n",
        rows, runs));
    out.append("| query |");
    for (Result result : results) {
      out.append(' ').append(result.engine()).append(" ms |");
    }
    for (int e = 1; e < results.size(); e++) {
      out.append(" ExaPG/").append(results.get(e).engine()).append(" |");
    }
    out.append('\n').append("|---|");
    out.append("---:|".repeat(results.size() * 2 - 1)).append('\n');
    for (int q = 0; q < QUERIES.size(); q++) {
      out.append("| ").append(QUERIES.get(q).name()).append(" |");
      for (Result result : results) {
        out.append(String.format(Locale.ROOT, " %.1f |", result.medianMillis()[q]));
      }
      for (int e = 1; e < results.size(); e++) {
        out.append(String.format(Locale.ROOT, " %.2f |",
            results.get(0).medianMillis()[q] / results.get(e).medianMillis()[q]));
      }
      out.append('\n');
    }
    out.append("| load (s) |");
    for (Result result : results) {
      out.append(String.format(Locale.ROOT, " %.1f |", result.loadSeconds()));
    }
    for (int e = 1; e < results.size(); e++) {
      out.append(String.format(Locale.ROOT, " %.2f |",
          results.get(0).loadSeconds() / results.get(e).loadSeconds()));
    }
    out.append('\n');
    return out.toString();
  }
}
