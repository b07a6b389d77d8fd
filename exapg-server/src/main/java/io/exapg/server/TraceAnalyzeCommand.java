package io.exapg.server;

import com.github.luben.zstd.ZstdInputStream;
import io.exapg.core.exec.IoTier;
import io.exapg.core.trace.Fingerprint;
import io.exapg.core.trace.IoCounters;
import io.exapg.core.trace.QueryRecord;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** exapg trace analyze: a report on a running node's statements of a recent time window. */
@CommandLine.Command(name = "analyze", mixinStandardHelpOptions = true,
    description = "Reports on the node's statements of a recent time window (from"
        + " exa_query_history, exa_statement_stats and exa_table_io): totals, slow statements,"
        + " the busiest I/O tier, the slowest statements, the hottest columns and"
        + " recommendations with their evidence.")
final class TraceAnalyzeCommand implements Callable<Integer> {
  @CommandLine.Mixin
  ClientOptions client;

  @CommandLine.Option(names = "--minutes", defaultValue = "60",
      description = "The window: statements started in the last N minutes (default:"
          + " ${DEFAULT-VALUE}).")
  int minutes;

  @CommandLine.Option(names = "--slow-ms", defaultValue = "1000",
      description = "Statements at least this long count as slow (default: ${DEFAULT-VALUE}).")
  double slowMillis;

  @CommandLine.Option(names = "--top", defaultValue = "10",
      description = "How many statements and columns to list (default: ${DEFAULT-VALUE}).")
  int top;

  @CommandLine.Option(names = "--min-filter-scans", defaultValue = "5",
      description = "Scans filtering on a column before its zone-map pruning is judged"
          + " (default: ${DEFAULT-VALUE}).")
  long minFilterScans;

  @CommandLine.Option(names = "--min-moved-bytes", defaultValue = "67108864",
      description = "Bytes joins on a pair of keys must move between nodes before"
          + " DISTRIBUTE BY is recommended (default: ${DEFAULT-VALUE}).")
  long minMovedBytes;

  @CommandLine.Option(names = "--file", description = "Analyze a binary trace file"
      + " (DATA/trace/session-PID.trz) instead of the node's history; --minutes is ignored.")
  Path file;

  @Override
  public Integer call() {
    if (minutes < 1 || top < 1 || minFilterScans < 1 || minMovedBytes < 0) {
      System.err.println("exapg trace analyze: --minutes, --top and --min-filter-scans must be"
          + " at least 1, --min-moved-bytes at least 0");
      return 2;
    }
    if (file != null) {
      return analyzeFile();
    }
    try (Connection connection = client.connect(); Statement statement =
        connection.createStatement()) {
      List<TraceReport.Statement> statements = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery("SELECT trace_id, query_text, duration_ms,"
          + " status, tier1_bytes, tier2_bytes, tier3_bytes FROM exa_query_history"
          + " WHERE start_time >= TIMESTAMP '" + since() + "'")) {
        while (rows.next()) {
          statements.add(new TraceReport.Statement(rows.getLong(1), rows.getString(2),
              rows.getDouble(3), rows.getString(4), tiers(rows, 5)));
        }
      }
      List<TraceReport.Fingerprint> fingerprints = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery("SELECT query_text, calls, total_ms,"
          + " mean_ms, tier1_reads, tier2_reads, tier3_reads, tier1_bytes, tier2_bytes,"
          + " tier3_bytes FROM exa_statement_stats")) {
        while (rows.next()) {
          fingerprints.add(new TraceReport.Fingerprint(rows.getString(1), rows.getLong(2),
              rows.getDouble(3), rows.getDouble(4), tiers(rows, 5), tiers(rows, 8)));
        }
      }
      List<TraceReport.Column> columns = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery("SELECT schema_name || '.' || table_name,"
          + " column_name, tier1_reads, tier2_reads, tier3_reads, tier1_bytes, tier2_bytes,"
          + " tier3_bytes, filter_scans, filter_segments_read, filter_segments_skipped,"
          + " filter_row_groups_read, filter_row_groups_skipped, filter_rows_examined,"
          + " filter_rows_passed FROM exa_table_io")) {
        while (rows.next()) {
          columns.add(new TraceReport.Column(rows.getString(1), rows.getString(2),
              tiers(rows, 3), tiers(rows, 6), new TraceReport.Filter(rows.getLong(9),
                  rows.getLong(10), rows.getLong(11), rows.getLong(12), rows.getLong(13),
                  rows.getLong(14), rows.getLong(15))));
        }
      }
      List<TraceReport.Join> joins = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery("SELECT left_table, left_columns,"
          + " right_table, right_columns, joins, left_bytes, right_bytes, moved_bytes"
          + " FROM exa_join_traffic")) {
        while (rows.next()) {
          joins.add(new TraceReport.Join(rows.getString(1), rows.getString(2),
              rows.getString(3), rows.getString(4), rows.getLong(5), rows.getLong(6),
              rows.getLong(7), rows.getLong(8)));
        }
      }
      System.out.print(TraceReport.render("the last " + minutes + " minutes (statement"
          + " figures, column reads and joins since the node started or the last reset)",
          statements, fingerprints, columns, joins, slowMillis, top, thresholds()));
      return 0;
    } catch (SQLException e) {
      System.err.println("exapg trace analyze: " + e.getMessage());
      return 1;
    }
  }

  private int analyzeFile() {
    List<QueryRecord> records;
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(
        new ZstdInputStream(Files.newInputStream(file))))) {
      records = TraceFileFormat.read(in);
    } catch (IOException e) {
      System.err.println("exapg trace analyze: cannot read " + file + ": " + e.getMessage());
      return 1;
    }
    List<TraceReport.Statement> statements = new ArrayList<>();
    Map<String, List<QueryRecord>> byFingerprint = new LinkedHashMap<>();
    for (QueryRecord record : records) {
      statements.add(new TraceReport.Statement(record.traceId(), record.query(),
          record.durationMillis(), record.status(), bytes(record.io())));
      byFingerprint.computeIfAbsent(Fingerprint.normalize(record.query()),
          k -> new ArrayList<>()).add(record);
    }
    List<TraceReport.Fingerprint> fingerprints = new ArrayList<>();
    byFingerprint.forEach((query, calls) -> {
      IoCounters io = IoCounters.NONE;
      double total = 0;
      for (QueryRecord record : calls) {
        io = io.plus(record.io());
        total += record.durationMillis();
      }
      fingerprints.add(new TraceReport.Fingerprint(query, calls.size(), total,
          total / calls.size(), new long[] {io.reads(IoTier.MEMORY),
              io.reads(IoTier.PAGE_CACHE), io.reads(IoTier.DEVICE)}, bytes(io)));
    });
    System.out.print(TraceReport.render("trace file " + file + " (column reads, filters and"
        + " joins are in the node's history only)", statements, fingerprints, List.of(),
        List.of(), slowMillis, top, thresholds()));
    return 0;
  }

  private TraceReport.Thresholds thresholds() {
    return new TraceReport.Thresholds(minFilterScans, minMovedBytes);
  }

  private static long[] bytes(IoCounters io) {
    return new long[] {io.bytes(IoTier.MEMORY), io.bytes(IoTier.PAGE_CACHE),
        io.bytes(IoTier.DEVICE)};
  }

  /** The window's start as the history's start_time holds it (UTC). */
  private String since() {
    return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(LocalDateTime.ofInstant(
        Instant.now().minus(Duration.ofMinutes(minutes)), ZoneOffset.UTC));
  }

  private static long[] tiers(ResultSet rows, int first) throws SQLException {
    return new long[] {rows.getLong(first), rows.getLong(first + 1), rows.getLong(first + 2)};
  }
}
