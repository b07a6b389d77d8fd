package io.exapg.benchmarks.slt;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs sqllogictest files on ExaPG and on a reference (PostgreSQL) side by side, each file in a
 * fresh schema, and counts per file the records each passes and the records the reference
 * passes that ExaPG fails.
 */
public final class SltComparison {
  /** What one file gave. */
  public record FileResult(String file, int records, int exapgPassed, int referencePassed,
      int exapgFailedWhereReferencePassed) {
    public double shareOfReference() {
      return referencePassed == 0 ? 1.0
          : (referencePassed - exapgFailedWhereReferencePassed) / (double) referencePassed;
    }
  }

  private final Connection exapg;
  private final Connection reference;
  private final int timeoutSeconds;
  private final PrintWriter failures;
  private int schemaNumber;

  /**
   * @param reference the reference engine's connection, or null to run ExaPG alone
   * @param failures where records ExaPG fails (and the reference passes) are listed, or null
   */
  public SltComparison(Connection exapg, Connection reference, int timeoutSeconds,
      PrintWriter failures) {
    this.exapg = exapg;
    this.reference = reference;
    this.timeoutSeconds = timeoutSeconds;
    this.failures = failures;
  }

  public FileResult run(String file, List<SltRecord> records) throws Exception {
    String schema = "slt_" + (++schemaNumber);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<boolean[]> exapgRun = pool.submit(() -> runAll(exapg, schema, records));
      Future<boolean[]> referenceRun = reference == null ? null
          : pool.submit(() -> runAll(reference, schema, records));
      boolean[] exapgPassed = exapgRun.get();
      boolean[] referencePassed = referenceRun == null ? null : referenceRun.get();
      int exapgCount = 0;
      int referenceCount = 0;
      int missed = 0;
      for (int r = 0; r < records.size(); r++) {
        exapgCount += exapgPassed[r] ? 1 : 0;
        boolean referencePasses = referencePassed == null || referencePassed[r];
        referenceCount += referencePassed != null && referencePassed[r] ? 1 : 0;
        if (referencePasses && !exapgPassed[r]) {
          missed++;
        }
      }
      return new FileResult(file, records.size(), exapgCount,
          referencePassed == null ? -1 : referenceCount, missed);
    } finally {
      pool.shutdownNow();
    }
  }

  private boolean[] runAll(Connection connection, String schema, List<SltRecord> records)
      throws SQLException {
    boolean isExapg = connection == exapg;
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA " + schema);
      statement.execute("SET search_path TO " + schema);
    }
    boolean[] passed = new boolean[records.size()];
    SltRunner runner = new SltRunner(connection, timeoutSeconds);
    try {
      for (int r = 0; r < records.size(); r++) {
        SltRunner.Outcome outcome = runner.run(records.get(r));
        passed[r] = outcome.passed();
        if (isExapg && !outcome.passed() && failures != null) {
          synchronized (failures) {
            failures.printf(Locale.ROOT, "%s line %d: %s%n  %s%n", schema,
                records.get(r).line(), outcome.detail(),
                records.get(r).sql().replace("\n", "\n  "));
          }
        }
      }
    } finally {
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET search_path TO public");
        statement.execute("DROP SCHEMA " + schema + " CASCADE");
      }
    }
    return passed;
  }

  /** A Markdown table of the results, with totals. */
  public static String report(List<FileResult> results, boolean withReference) {
    StringBuilder out = new StringBuilder();
    out.append(withReference
        ? "| file | records | PostgreSQL passes | ExaPG passes | ExaPG passes of PostgreSQL's |\n"
            + "|---|---:|---:|---:|---:|\n"
        : "| file | records | ExaPG passes |\n|---|---:|---:|\n");
    List<FileResult> all = new ArrayList<>(results);
    int records = 0;
    int exapg = 0;
    int reference = 0;
    int missed = 0;
    for (FileResult result : all) {
      records += result.records();
      exapg += result.exapgPassed();
      reference += result.referencePassed();
      missed += result.exapgFailedWhereReferencePassed();
      out.append(row(result.file(), result.records(), result.exapgPassed(),
          result.referencePassed(), result.shareOfReference(), withReference));
    }
    out.append(row("**total**", records, exapg, reference,
        reference == 0 ? 1.0 : (reference - missed) / (double) reference, withReference));
    return out.toString();
  }

  private static String row(String file, int records, int exapg, int reference, double share,
      boolean withReference) {
    return withReference
        ? String.format(Locale.ROOT, "| %s | %d | %d (%.2f%%) | %d (%.2f%%) | %.2f%% |%n", file,
            records, reference, 100.0 * reference / Math.max(1, records), exapg,
            100.0 * exapg / Math.max(1, records), 100 * share)
        : String.format(Locale.ROOT, "| %s | %d | %d (%.2f%%) |%n", file, records, exapg,
            100.0 * exapg / Math.max(1, records));
  }
}
