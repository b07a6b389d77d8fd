package io.exapg.benchmarks;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Loads TPC-H into every engine (ExaPG and PostgreSQL over the wire with COPY, DuckDB in
 * process), indexes PostgreSQL's primary keys and analyzes it, then runs the 22 queries: one
 * untimed run of each (in order; its answer is compared with the first engine's), then per
 * query the timed runs whose median is reported. A query over the timeout counts as the
 * timeout (a lower bound).
 */
final class TpchBenchmark {
  private static final List<String> PRIMARY_KEYS = List.of(
      "ALTER TABLE region ADD PRIMARY KEY (r_regionkey)",
      "ALTER TABLE nation ADD PRIMARY KEY (n_nationkey)",
      "ALTER TABLE supplier ADD PRIMARY KEY (s_suppkey)",
      "ALTER TABLE customer ADD PRIMARY KEY (c_custkey)",
      "ALTER TABLE part ADD PRIMARY KEY (p_partkey)",
      "ALTER TABLE partsupp ADD PRIMARY KEY (ps_partkey, ps_suppkey)",
      "ALTER TABLE orders ADD PRIMARY KEY (o_orderkey)",
      "ALTER TABLE lineitem ADD PRIMARY KEY (l_orderkey, l_linenumber)",
      "ANALYZE");

  /** One engine's run: load time, per query the median milliseconds (NaN: failed). */
  record Result(String engine, double loadSeconds, double[] medianMillis, boolean[] timedOut,
      String[] notes, long peakMemoryBytes) {
  }

  private TpchBenchmark() {
  }

  static List<Result> run(List<Engine> engines, Path data, int runs, int timeoutSeconds)
      throws Exception {
    List<Result> results = new ArrayList<>();
    List<List<List<Object>>> reference = null;
    for (Engine engine : engines) {
      double loadSeconds = load(engine, data);
      double[] medians = new double[TpchQueries.COUNT];
      boolean[] timedOut = new boolean[TpchQueries.COUNT];
      String[] notes = new String[TpchQueries.COUNT];
      long peak = engine.peakMemoryBytes();
      List<List<List<Object>>> answers = new ArrayList<>();
      // First every query once, untimed (answers compared): what a server that has been up
      // for a while has done, so the timed runs do not measure the JVM compiling hot code.
      for (int q = 1; q <= TpchQueries.COUNT; q++) {
        try {
          List<List<Object>> answer = QueryAnswers.rows(engine.connection(),
              TpchQueries.text(q), timeoutSeconds);
          answers.add(answer);
          if (reference != null && reference.get(q - 1) != null) {
            String difference = QueryAnswers.difference(reference.get(q - 1), answer);
            if (difference != null) {
              notes[q - 1] = "differs from " + engines.get(0).name() + ": " + difference;
            }
          }
        } catch (SQLException e) {
          answers.add(null);
          fail(e, q, timeoutSeconds, medians, timedOut, notes);
        }
      }
      for (int q = 1; q <= TpchQueries.COUNT; q++) {
        if (answers.get(q - 1) == null) {
          printProgress(engine, q, medians, notes);
          continue;
        }
        String sql = TpchQueries.text(q);
        double[] millis = new double[runs];
        try {
          for (int r = 0; r < runs; r++) {
            long t = System.nanoTime();
            QueryAnswers.rows(engine.connection(), sql, timeoutSeconds);
            millis[r] = (System.nanoTime() - t) / 1e6;
            peak = Math.max(peak, engine.peakMemoryBytes());
          }
          Arrays.sort(millis);
          medians[q - 1] = millis[runs / 2];
        } catch (SQLException e) {
          fail(e, q, timeoutSeconds, medians, timedOut, notes);
        }
        printProgress(engine, q, medians, notes);
      }
      if (reference == null) {
        reference = answers;
      }
      results.add(new Result(engine.name(), loadSeconds, medians, timedOut, notes, peak));
    }
    return results;
  }

  /** Creates the TPC-H tables and loads them from the CSV files; the seconds it took. */
  static double load(Engine engine, Path data) throws Exception {
    long start = System.nanoTime();
    for (String ddl : TpchData.DDL) {
      engine.execute(ddl);
    }
    for (String table : TpchData.TABLES) {
      engine.copyCsv(table, data.resolve(table + ".csv"));
    }
    if (engine instanceof PostgresEngine) {
      for (String statement : PRIMARY_KEYS) {
        engine.execute(statement);
      }
    }
    engine.checkpoint();
    double loadSeconds = (System.nanoTime() - start) / 1e9;
    System.err.printf(Locale.ROOT, "%s: loaded in %.1f s%n", engine.name(), loadSeconds);
    return loadSeconds;
  }

  /** Records a failed or timed-out query: the timeout as its time (a lower bound), or NaN. */
  private static void fail(SQLException e, int q, int timeoutSeconds, double[] medians,
      boolean[] timedOut, String[] notes) {
    boolean timeout = "57014".equals(e.getSQLState());
    timedOut[q - 1] = timeout;
    medians[q - 1] = timeout ? timeoutSeconds * 1000.0 : Double.NaN;
    notes[q - 1] = timeout ? "over the " + timeoutSeconds + " s timeout"
        : e.getSQLState() + " " + e.getMessage().lines().findFirst().orElse("");
  }

  private static void printProgress(Engine engine, int q, double[] medians, String[] notes) {
    System.err.printf(Locale.ROOT, "%s: Q%d %.1f ms%s%n", engine.name(), q, medians[q - 1],
        notes[q - 1] == null ? "" : " (" + notes[q - 1] + ")");
  }

  static String report(List<Result> results, int runs) {
    StringBuilder out = new StringBuilder();
    Result first = results.get(0);
    out.append("| query |");
    for (Result result : results) {
      out.append(' ').append(result.engine()).append(" ms |");
    }
    for (int e = 1; e < results.size(); e++) {
      out.append(' ').append(first.engine()).append('/').append(results.get(e).engine())
          .append(" |");
    }
    out.append("\n|---|");
    out.append("---:|".repeat(results.size() * 2 - 1)).append('\n');
    for (int q = 0; q < TpchQueries.COUNT; q++) {
      out.append("| Q").append(q + 1).append(" |");
      for (Result result : results) {
        out.append(' ').append(millis(result, q)).append(" |");
      }
      for (int e = 1; e < results.size(); e++) {
        out.append(String.format(Locale.ROOT, " %.2f |",
            first.medianMillis()[q] / results.get(e).medianMillis()[q]));
      }
      out.append('\n');
    }
    out.append("| geometric mean |");
    for (Result result : results) {
      out.append(String.format(Locale.ROOT, " %.1f |", geometricMean(result.medianMillis())));
    }
    for (int e = 1; e < results.size(); e++) {
      out.append(String.format(Locale.ROOT, " %.2f |", geometricMean(first.medianMillis())
          / geometricMean(results.get(e).medianMillis())));
    }
    out.append("\n\nMedian of ").append(runs)
        .append(" runs after one untimed run of every query. Load:");
    for (Result result : results) {
      out.append(String.format(Locale.ROOT, " %s %.1f s;", result.engine(),
          result.loadSeconds()));
    }
    for (Result result : results) {
      if (result.peakMemoryBytes() > 0) {
        out.append(String.format(Locale.ROOT, " peak %s memory (heap and direct, sampled"
            + " after every query) %.0f MB;", result.engine(),
            result.peakMemoryBytes() / 1048576.0));
      }
    }
    out.append('\n');
    for (Result result : results) {
      for (int q = 0; q < TpchQueries.COUNT; q++) {
        if (result.notes()[q] != null) {
          out.append("- ").append(result.engine()).append(" Q").append(q + 1).append(": ")
              .append(result.notes()[q]).append('\n');
        }
      }
    }
    return out.toString();
  }

  private static String millis(Result result, int q) {
    double value = result.medianMillis()[q];
    if (Double.isNaN(value)) {
      return "failed";
    }
    return (result.timedOut()[q] ? ">" : "") + String.format(Locale.ROOT, "%.1f", value);
  }

  /** NaN when any query failed: a mean over fewer queries would flatter the engine. */
  static double geometricMean(double[] values) {
    double logs = 0;
    for (double value : values) {
      logs += Math.log(value);
    }
    return Math.exp(logs / values.length);
  }
}
