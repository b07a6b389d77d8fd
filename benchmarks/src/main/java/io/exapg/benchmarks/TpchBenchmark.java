package io.exapg.benchmarks;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Loads TPC-H into every engine (ExaPG and PostgreSQL over the wire with COPY, DuckDB in
 * process), indexes PostgreSQL's primary keys and analyzes it, and runs each of the 22
 * queries once, untimed (in order; its answer is compared with the first engine's); then per
 * query the timed runs, the engines taking turns, whose medians are reported. A query over
 * the timeout counts as the timeout (a lower bound).
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
    int n = engines.size();
    double[] loadSeconds = new double[n];
    double[][] medians = new double[n][TpchQueries.COUNT];
    boolean[][] timedOut = new boolean[n][TpchQueries.COUNT];
    String[][] notes = new String[n][TpchQueries.COUNT];
    boolean[][] failed = new boolean[n][TpchQueries.COUNT];
    long[] peaks = new long[n];
    List<List<List<Object>>> reference = null;
    for (int e = 0; e < n; e++) {
      Engine engine = engines.get(e);
      loadSeconds[e] = load(engine, data);
      peaks[e] = engine.peakMemoryBytes();
      // First every query once, untimed (answers compared): what a server that has been up
      // for a while has done, so the timed runs do not measure the JVM compiling hot code.
      List<List<List<Object>>> answers = new ArrayList<>();
      for (int q = 1; q <= TpchQueries.COUNT; q++) {
        try {
          List<List<Object>> answer = QueryAnswers.rows(engine.connection(),
              TpchQueries.text(q), timeoutSeconds);
          answers.add(answer);
          if (reference != null && reference.get(q - 1) != null) {
            String difference = QueryAnswers.difference(reference.get(q - 1), answer);
            if (difference != null) {
              notes[e][q - 1] = "differs from " + engines.get(0).name() + ": " + difference;
            }
          }
        } catch (SQLException ex) {
          answers.add(null);
          failed[e][q - 1] = true;
          fail(ex, q, timeoutSeconds, medians[e], timedOut[e], notes[e]);
        }
      }
      if (reference == null) {
        reference = answers;
      }
    }
    // The timed runs interleave the engines query by query, run by run (in an order that
    // rotates), so that the machine's drift over the minutes of a run weighs on all engines
    // alike and the ratios compare like with like.
    for (int q = 1; q <= TpchQueries.COUNT; q++) {
      String sql = TpchQueries.text(q);
      double[][] millis = new double[n][runs];
      for (int r = 0; r < runs; r++) {
        for (int k = 0; k < n; k++) {
          int e = (k + r) % n;
          if (failed[e][q - 1]) {
            continue;
          }
          Engine engine = engines.get(e);
          try {
            long t = System.nanoTime();
            QueryAnswers.rows(engine.connection(), sql, timeoutSeconds);
            millis[e][r] = (System.nanoTime() - t) / 1e6;
            peaks[e] = Math.max(peaks[e], engine.peakMemoryBytes());
          } catch (SQLException ex) {
            failed[e][q - 1] = true;
            fail(ex, q, timeoutSeconds, medians[e], timedOut[e], notes[e]);
          }
        }
      }
      for (int e = 0; e < n; e++) {
        if (!failed[e][q - 1]) {
          Arrays.sort(millis[e]);
          medians[e][q - 1] = millis[e][runs / 2];
        }
        printProgress(engines.get(e), q, medians[e], notes[e]);
      }
    }
    List<Result> results = new ArrayList<>();
    for (int e = 0; e < n; e++) {
      results.add(new Result(engines.get(e).name(), loadSeconds[e], medians[e], timedOut[e],
          notes[e], peaks[e]));
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
