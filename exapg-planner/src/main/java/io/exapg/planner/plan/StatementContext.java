package io.exapg.planner.plan;

import io.exapg.core.trace.QueryLog;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a statement's session functions return, fixed when it starts: now() and
 * current_date, current_user, current_database(), current_schema, version() and
 * pg_table_is_visible().
 *
 * @param micros the statement's start in the session's time zone, in microseconds
 * @param user current_user: the role the session acts as (SET ROLE)
 * @param sessionUser session_user: the user who connected
 * @param searchPath the existing schemas of the search path, in order
 * @param version what version() returns
 * @param visibleRelations the OIDs of the tables and views found by their unqualified names
 *     on the search path (computed when a statement asks)
 * @param queryLog the node's finished statements (exa_trace_export)
 */
public record StatementContext(long micros, String user, String sessionUser, String database,
    List<String> searchPath, String version, Supplier<List<Integer>> visibleRelations,
    Supplier<CatalogTexts> catalogTexts, SessionLookup session, QueryLog queryLog) {
  /** current_schema: the first schema of the path, or null. */
  public String schema() {
    return searchPath.isEmpty() ? null : searchPath.get(0);
  }
}
