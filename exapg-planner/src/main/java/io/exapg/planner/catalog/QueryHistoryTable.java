package io.exapg.planner.catalog;

import io.exapg.core.trace.QueryLog;
import io.exapg.core.trace.QueryRecord;
import io.exapg.core.trace.StatementUsage;
import io.exapg.core.type.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * exa_query_history: the node's latest finished statements (how many is the node's
 * query-history setting), with their time, rows, outcome, chunk reads per I/O tier, bytes
 * sent and spilled, and time waited.
 * A superuser sees everyone's; other users their own.
 */
final class QueryHistoryTable extends SystemTable {
  static final String NAME = "exa_query_history";

  private final QueryLog log;

  QueryHistoryTable(QueryLog log) {
    super(TierColumns.add(new Columns()
        .add("trace_id", DataType.BIGINT)
        .add("session_id", DataType.INTEGER)
        .add("user_name", DataType.TEXT)
        .add("query_text", DataType.TEXT)
        .add("start_time", DataType.TIMESTAMP)
        .add("duration_ms", DataType.DOUBLE)
        .add("row_count", DataType.BIGINT)
        .add("status", DataType.TEXT))
        .add("sent_bytes", DataType.BIGINT)
        .add("spilled_bytes", DataType.BIGINT)
        .add("lock_wait_ms", DataType.DOUBLE)
        .add("admission_wait_ms", DataType.DOUBLE)
        .add("wal_sync_ms", DataType.DOUBLE));
    this.log = log;
  }

  @Override
  public List<List<Object>> rows() {
    return rows(null);
  }

  @Override
  public List<List<Object>> rows(SessionView session) {
    List<List<Object>> rows = new ArrayList<>();
    for (QueryRecord record : log.history()) {
      if (session != null && !session.superuser()
          && !record.user().equals(session.userName())) {
        continue;
      }
      List<Object> row = new ArrayList<>(Arrays.asList(record.traceId(), record.sessionId(),
          record.user(), record.query(), record.startMicros(), record.durationMillis(),
          record.rows(), record.status()));
      TierColumns.values(row, record.io());
      StatementUsage usage = record.usage();
      row.addAll(List.of(usage.sentBytes(), usage.spilledBytes(),
          usage.lockWaitNanos() / 1e6, usage.admissionWaitNanos() / 1e6,
          usage.walSyncNanos() / 1e6));
      rows.add(row);
    }
    return rows;
  }
}
