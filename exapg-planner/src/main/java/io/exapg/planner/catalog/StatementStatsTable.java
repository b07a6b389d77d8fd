package io.exapg.planner.catalog;

import io.exapg.core.trace.QueryLog;
import io.exapg.core.trace.StatementStatistics;
import io.exapg.core.type.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * exa_statement_stats: per statement fingerprint (the text with its constants taken out),
 * calls, total, mean, longest and 95th percentile time (over the latest 1,024 calls), rows
 * and chunk reads per I/O tier, since the node started or exa_statement_stats_reset(). Only
 * superusers see it, as its texts come from every user.
 */
final class StatementStatsTable extends SystemTable {
  static final String NAME = "exa_statement_stats";

  private final QueryLog log;

  StatementStatsTable(QueryLog log) {
    super(TierColumns.add(new Columns()
        .add("fingerprint", DataType.TEXT)
        .add("query_text", DataType.TEXT)
        .add("calls", DataType.BIGINT)
        .add("total_ms", DataType.DOUBLE)
        .add("mean_ms", DataType.DOUBLE)
        .add("max_ms", DataType.DOUBLE)
        .add("p95_ms", DataType.DOUBLE)
        .add("row_count", DataType.BIGINT)));
    this.log = log;
  }

  @Override
  public List<List<Object>> rows() {
    return rows(null);
  }

  @Override
  public List<List<Object>> rows(SessionView session) {
    List<List<Object>> rows = new ArrayList<>();
    if (session != null && !session.superuser()) {
      return rows;
    }
    for (StatementStatistics.Snapshot statement : log.statements()) {
      List<Object> row = new ArrayList<>(Arrays.asList(
          String.format("%016x", statement.fingerprint()), statement.query(),
          statement.calls(), statement.totalMillis(), statement.meanMillis(),
          statement.maxMillis(), statement.p95Millis(), statement.rows()));
      TierColumns.values(row, statement.io());
      rows.add(row);
    }
    return rows;
  }
}
