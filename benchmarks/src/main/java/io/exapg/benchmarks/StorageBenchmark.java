package io.exapg.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Loads the TPC-H tables from CSV files into every engine and measures how fast lineitem
 * loads and how much disk all tables take once checkpointed. ExaPG and PostgreSQL load
 * through COPY ... FROM STDIN over a loopback connection, as psql's \\copy does; DuckDB reads
 * the file itself, in process. The engines must then agree on a few checksums.
 */
final class StorageBenchmark {
  /** What one engine did. */
  record Result(String engine, double lineitemSeconds, long lineitemRows, double allSeconds,
      long bytesOnDisk) {
    double rowsPerSecond() {
      return lineitemRows / lineitemSeconds;
    }
  }

  static final List<String> CHECKS = List.of(
      "SELECT count(*), sum(l_extendedprice), sum(l_quantity), min(l_shipdate),"
          + " max(l_receiptdate), max(l_comment), count(DISTINCT l_shipmode) FROM lineitem",
      "SELECT count(*), sum(o_totalprice), max(o_comment) FROM orders",
      "SELECT (SELECT count(*) FROM region), (SELECT count(*) FROM nation),"
          + " (SELECT count(*) FROM supplier), (SELECT count(*) FROM customer),"
          + " (SELECT count(*) FROM part), (SELECT count(*) FROM partsupp)");

  private StorageBenchmark() {
  }

  static List<Result> run(List<Engine> engines, Path data) throws Exception {
    List<Result> results = new ArrayList<>();
    List<List<String>> reference = null;
    for (Engine engine : engines) {
      for (String ddl : TpchData.DDL) {
        engine.execute(ddl);
      }
      double lineitemSeconds = 0;
      long lineitemRows = 0;
      long start = System.nanoTime();
      for (String table : TpchData.TABLES) {
        long t = System.nanoTime();
        long rows = engine.copyCsv(table, data.resolve(table + ".csv"));
        double seconds = (System.nanoTime() - t) / 1e9;
        System.err.printf(Locale.ROOT, "%s: %-9s %,12d rows in %7.2f s%n", engine.name(),
            table, rows, seconds);
        if (table.equals("lineitem")) {
          lineitemSeconds = seconds;
          lineitemRows = rows;
        }
      }
      engine.checkpoint();
      double allSeconds = (System.nanoTime() - start) / 1e9;
      long bytes = engine.sizeOnDisk();
      List<String> answers = new ArrayList<>();
      for (String check : CHECKS) {
        answers.addAll(engine.query(check));
      }
      if (reference == null) {
        reference = List.of(answers);
      } else if (!reference.get(0).equals(answers)) {
        throw new IllegalStateException(engine.name() + " disagrees: " + answers + " vs "
            + reference.get(0));
      }
      results.add(new Result(engine.name(), lineitemSeconds, lineitemRows, allSeconds, bytes));
    }
    return results;
  }

  static String report(List<Result> results, Path data) throws Exception {
    long csvBytes = 0;
    for (String table : TpchData.TABLES) {
      csvBytes += Files.size(data.resolve(table + ".csv"));
    }
    Result exapg = results.get(0);
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "TPC-H %s: %,d lineitem rows, %.0f MB of CSV%n%n",
        data.getFileName(), exapg.lineitemRows(), csvBytes / 1048576.0));
    out.append("| engine | lineitem load s | lineitem rows/s | all tables s | size on disk MB"
        + " | rows/s vs ExaPG | size vs ExaPG |\n|---|---:|---:|---:|---:|---:|---:|\n");
    for (Result result : results) {
      out.append(String.format(Locale.ROOT, "| %s | %.2f | %,.0f | %.2f | %.1f | %.2f | %.2f |%n",
          result.engine(), result.lineitemSeconds(), result.rowsPerSecond(),
          result.allSeconds(), result.bytesOnDisk() / 1048576.0,
          result.rowsPerSecond() / exapg.rowsPerSecond(),
          (double) result.bytesOnDisk() / exapg.bytesOnDisk()));
    }
    return out.toString();
  }
}
