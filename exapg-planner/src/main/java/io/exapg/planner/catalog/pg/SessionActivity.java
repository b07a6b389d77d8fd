package io.exapg.planner.catalog.pg;

/**
 * One session as pg_stat_activity shows it.
 *
 * @param state "active", "idle", "idle in transaction" or "idle in transaction (aborted)"
 * @param backendStart when the session began, in microseconds since 1970 (UTC); the other
 *     times likewise, or null
 */
public record SessionActivity(int pid, String user, long userOid, String database,
    String clientAddress, String applicationName, long backendStart, Long transactionStart,
    Long queryStart, long stateChange, String state, String query) {
}
