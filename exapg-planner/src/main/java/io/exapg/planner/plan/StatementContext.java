package io.exapg.planner.plan;

/**
 * What a statement's session functions return, fixed when it starts: now() and
 * current_date, current_user, current_catalog and current_schema.
 *
 * @param micros the statement's start in the session's time zone, in microseconds
 * @param schema the first existing schema on the search path, or null
 */
public record StatementContext(long micros, String user, String database, String schema) {
}
