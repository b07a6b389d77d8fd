package io.exapg.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The report of exapg trace analyze, from the node's history of a time window: totals, slow
 * statements, the tier that served most bytes, the slowest statement fingerprints with their
 * tier shares, the hottest columns, and recommendations by the documented rules, each with the
 * evidence that triggered it.
 */
final class TraceReport {
  /** Tier 3 share of the bytes read above which the cache is reported as too small. */
  static final double DEVICE_SHARE_LIMIT = 0.20;
  /** Zone maps skipping less than this share of what filtered scans met prune nothing. */
  static final double PRUNED_SHARE_LIMIT = 0.10;
  /** A filter passing at most this share of the rows it examined could prune. */
  static final double SELECTIVE_SHARE = 0.50;
  /** Segments and row groups per filtered scan needed for pruning to have a choice. */
  static final double UNITS_PER_SCAN = 2;

  /** The rules' thresholds that depend on the workload, set from the command line. */
  record Thresholds(long minFilterScans, long minMovedBytes) {
    static final Thresholds DEFAULTS = new Thresholds(5, 64L << 20);
  }

  /** A statement of the window (exa_query_history). */
  record Statement(long traceId, String query, double millis, String status, long[] bytes) {
  }

  /** A statement fingerprint (exa_statement_stats). */
  record Fingerprint(String query, long calls, double totalMillis, double meanMillis,
      long[] reads, long[] bytes) {
  }

  /** A column of a table (exa_table_io), with what its filtered scans skipped or not. */
  record Column(String table, String column, long[] reads, long[] bytes, Filter filter) {
  }

  /** Zone-map use of scans filtering on a column. */
  record Filter(long scans, long segmentsRead, long segmentsSkipped, long rowGroupsRead,
      long rowGroupsSkipped, long rowsExamined, long rowsPassed) {
    static final Filter NONE = new Filter(0, 0, 0, 0, 0, 0, 0);

    long units() {
      return segmentsRead + segmentsSkipped + rowGroupsRead + rowGroupsSkipped;
    }

    double skippedShare() {
      return units() == 0 ? 0 : (double) (segmentsSkipped + rowGroupsSkipped) / units();
    }

    double passedShare() {
      return rowsExamined == 0 ? 1 : (double) rowsPassed / rowsExamined;
    }
  }

  /** Hash joins on a pair of key columns (exa_join_traffic). */
  record Join(String leftTable, String leftColumns, String rightTable, String rightColumns,
      long joins, long leftBytes, long rightBytes, long movedBytes) {
  }

  private TraceReport() {
  }

  static String render(String window, List<Statement> statements,
      List<Fingerprint> fingerprints, List<Column> columns, List<Join> joins,
      double slowMillis, int top, Thresholds thresholds) {
    StringBuilder out = new StringBuilder();
    long errors = statements.stream().filter(s -> !s.status().equals("ok")).count();
    double totalMillis = statements.stream().mapToDouble(Statement::millis).sum();
    long[] bytes = new long[3];
    for (Statement statement : statements) {
      for (int t = 0; t < 3; t++) {
        bytes[t] += statement.bytes()[t];
      }
    }
    long allBytes = bytes[0] + bytes[1] + bytes[2];
    out.append("ExaPG trace analysis, ").append(window).append('\n');
    out.append(String.format(Locale.ROOT, "statements: %d (%d failed), %.1f ms in all%n",
        statements.size(), errors, totalMillis));
    out.append("bytes read by tier: ").append(shares(bytes)).append('\n');
    if (allBytes > 0) {
      int topTier = bytes[2] >= bytes[1] && bytes[2] >= bytes[0] ? 3
          : bytes[1] >= bytes[0] ? 2 : 1;
      out.append("top tier: ").append(tierName(topTier)).append('\n');
    }
    List<Statement> slow = statements.stream().filter(s -> s.millis() >= slowMillis)
        .sorted(Comparator.comparingDouble(Statement::millis).reversed()).toList();
    out.append(String.format(Locale.ROOT, "%nslow statements (at least %.0f ms): %d%n",
        slowMillis, slow.size()));
    for (Statement statement : slow.subList(0, Math.min(top, slow.size()))) {
      out.append(String.format(Locale.ROOT, "  %10.1f ms  trace %d  %s  %s%n",
          statement.millis(), statement.traceId(), statement.status(),
          oneLine(statement.query())));
    }
    out.append(String.format(Locale.ROOT, "%nslowest statements by total time (top %d):%n",
        top));
    fingerprints.stream().sorted(Comparator.comparingDouble(Fingerprint::totalMillis)
        .reversed()).limit(top).forEach(f -> out.append(String.format(Locale.ROOT,
        "  %10.1f ms  %6d calls  mean %.1f ms  bytes %s  %s%n", f.totalMillis(), f.calls(),
        f.meanMillis(), shares(f.bytes()), oneLine(f.query()))));
    out.append(String.format(Locale.ROOT, "%nhottest columns by bytes read (top %d):%n", top));
    columns.stream().sorted(Comparator.comparingLong((Column c) -> sum(c.bytes())).reversed())
        .limit(top).forEach(c -> out.append(String.format(Locale.ROOT,
        "  %-40s %12d bytes  %s%n", c.table() + "." + c.column(), sum(c.bytes()),
        shares(c.bytes()))));
    out.append("\nrecommendations:\n");
    List<String> recommendations = new ArrayList<>(recommendations(bytes, fingerprints));
    recommendations.addAll(layoutRecommendations(columns, joins, thresholds));
    if (recommendations.isEmpty()) {
      out.append("  none: no rule's threshold was reached\n");
    }
    for (String recommendation : recommendations) {
      out.append("  - ").append(recommendation).append('\n');
    }
    return out.toString();
  }

  /**
   * Rule 1: the device (Tier 3) serves more than DEVICE_SHARE_LIMIT of the bytes read and
   * statements that read from it ran more than once: their chunks did not stay cached.
   */
  static List<String> recommendations(long[] bytes, List<Fingerprint> fingerprints) {
    List<String> found = new ArrayList<>();
    long all = sum(bytes);
    List<Fingerprint> repeated = fingerprints.stream()
        .filter(f -> f.calls() > 1 && f.reads()[2] > 0).toList();
    if (all > 0 && (double) bytes[2] / all > DEVICE_SHARE_LIMIT && !repeated.isEmpty()) {
      Fingerprint worst = repeated.stream().max(Comparator.comparingLong(f -> f.bytes()[2]))
          .orElseThrow();
      found.add(String.format(Locale.ROOT, "the chunk cache (--chunk-cache) or the page cache"
          + " is too small: %.0f%% of the bytes read came from the device (over %.0f%%), and"
          + " %d statements that read from it ran repeatedly, e.g. %d calls reading %d device"
          + " bytes: %s", 100.0 * bytes[2] / all, 100 * DEVICE_SHARE_LIMIT, repeated.size(),
          worst.calls(), worst.bytes()[2], oneLine(worst.query())));
    }
    return found;
  }

  /**
   * Rule 2: a column filtered in at least minFilterScans scans, by filters that pass at most
   * SELECTIVE_SHARE of the rows they examine, over tables with at least UNITS_PER_SCAN
   * segments and row groups per scan, whose zone maps skipped less than PRUNED_SHARE_LIMIT:
   * its values are spread over all of them, and a PARTITION BY (or loading sorted by it)
   * would let the filter skip most.
   * Rule 3: a pair of join key columns whose joins would move at least minMovedBytes between
   * nodes under the tables' DISTRIBUTE BY keys: distributing both by their join keys makes
   * the join local.
   */
  static List<String> layoutRecommendations(List<Column> columns, List<Join> joins,
      Thresholds thresholds) {
    List<String> found = new ArrayList<>();
    columns.stream().filter(c -> c.filter().scans() >= thresholds.minFilterScans()
        && c.filter().passedShare() <= SELECTIVE_SHARE
        && (double) c.filter().units() / c.filter().scans() >= UNITS_PER_SCAN
        && c.filter().skippedShare() < PRUNED_SHARE_LIMIT)
        .sorted(Comparator.comparingLong((Column c) -> c.filter().scans()).reversed())
        .forEach(c -> {
          Filter f = c.filter();
          found.add(String.format(Locale.ROOT, "ALTER TABLE %s PARTITION BY %s (or load it"
              + " sorted by %s): %d scans filtered on it, passing %.1f%% of the %d rows they"
              + " examined, yet zone maps skipped %d of %d segments and %d of %d row groups"
              + " (%.0f%%, under %.0f%%)", c.table(), c.column(), c.column(), f.scans(),
              100 * f.passedShare(), f.rowsExamined(), f.segmentsSkipped(),
              f.segmentsRead() + f.segmentsSkipped(), f.rowGroupsSkipped(),
              f.rowGroupsRead() + f.rowGroupsSkipped(), 100 * f.skippedShare(),
              100 * PRUNED_SHARE_LIMIT));
        });
    joins.stream().filter(j -> j.movedBytes() >= thresholds.minMovedBytes())
        .sorted(Comparator.comparingLong(Join::movedBytes).reversed())
        .forEach(j -> found.add(String.format(Locale.ROOT, "DISTRIBUTE BY (%s) on %s and"
            + " DISTRIBUTE BY (%s) on %s: %d joins on these keys would move %d bytes between"
            + " nodes under the current keys (at least %d; %d bytes came from %s, %d from %s)",
            j.leftColumns(), j.leftTable(), j.rightColumns(), j.rightTable(), j.joins(),
            j.movedBytes(), thresholds.minMovedBytes(), j.leftBytes(), j.leftTable(),
            j.rightBytes(), j.rightTable())));
    return found;
  }

  private static String shares(long[] bytes) {
    long all = sum(bytes);
    if (all == 0) {
      return "none";
    }
    return String.format(Locale.ROOT, "tier1 %.0f%%, tier2 %.0f%%, tier3 %.0f%% of %d",
        100.0 * bytes[0] / all, 100.0 * bytes[1] / all, 100.0 * bytes[2] / all, all);
  }

  private static long sum(long[] values) {
    long total = 0;
    for (long value : values) {
      total += value;
    }
    return total;
  }

  private static String tierName(int tier) {
    return switch (tier) {
      case 1 -> "Tier 1 (chunk cache)";
      case 2 -> "Tier 2 (page cache)";
      default -> "Tier 3 (device)";
    };
  }

  private static String oneLine(String query) {
    String line = query.replaceAll("\\s+", " ").strip();
    return line.length() <= 100 ? line : line.substring(0, 97) + "...";
  }
}
