package io.exapg.planner.catalog.pg;

/**
 * One session as pg_stat_activity shows it.
 *
 * @param state "active", "idle", "idle in transaction" or "idle in transaction (aborted)"
 * @param backendStart when the session began, in microseconds since 1970 (UTC); the other
 *     times likewise, or null
 * @param waitEventType what the session waits for ("Admission"), or null
 * @param queryId the trace id of the statement running now (exa_query_history.trace_id once
 *     it ends), or null when idle
 */
public record SessionActivity(int pid, String user, long userOid, String database,
    String clientAddress, String applicationName, long backendStart, Long transactionStart,
    Long queryStart, long stateChange, String waitEventType, String waitEvent, String state,
    Long queryId, String query) {
}
