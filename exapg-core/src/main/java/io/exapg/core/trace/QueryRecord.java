package io.exapg.core.trace;

import io.exapg.core.exec.IoTier;

/**
 * One finished statement as the query history keeps it.
 *
 * @param traceId the statement's trace id, unique on the node
 * @param sessionId the session's process id (pg_backend_pid)
 * @param startMicros when it started, microseconds since 1970 in UTC
 * @param durationNanos from start to its last row sent or its error
 * @param rows rows returned or changed
 * @param status "ok", or the SQLSTATE of its error
 * @param io chunk reads, bytes and time per I/O tier
 * @param usage bytes sent and spilled, and time waited
 * @param tables reads per column, zone-map use per filtered column, join traffic
 * @param detail phases and operators, for statements traced (exapg.trace); else null
 */
public record QueryRecord(long traceId, int sessionId, String user, String query,
    long startMicros, long durationNanos, long rows, String status, IoCounters io,
    StatementUsage usage, TableActivity tables, TraceDetail detail) {
  public static final String OK = "ok";

  public double durationMillis() {
    return durationNanos / 1_000_000.0;
  }

  public long reads(IoTier tier) {
    return io.reads(tier);
  }

  public long bytes(IoTier tier) {
    return io.bytes(tier);
  }
}
