package io.exapg.planner.engine;

/**
 * Settings of the SQL engine as a whole.
 *
 * @param database the one database name this node serves
 * @param queryMemoryLimitBytes default memory budget of one query
 */
public record EngineOptions(String database, long queryMemoryLimitBytes, String serverVersion) {
  public static final String POSTGRES_VERSION = "15.8";
  /** The one user there is until users and roles exist; owner of every object. */
  public static final String SUPERUSER = "exapg";
}
