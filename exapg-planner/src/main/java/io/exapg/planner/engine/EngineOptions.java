package io.exapg.planner.engine;

/**
 * Settings of the SQL engine as a whole.
 *
 * @param database the one database name this node serves
 * @param queryMemoryLimitBytes default memory budget of one query
 * @param queryHistorySize how many finished statements exa_query_history keeps
 * @param maxActiveStatements sessions executing queries at once, the others waiting; 0 for
 *     no limit
 */
public record EngineOptions(String database, long queryMemoryLimitBytes, String serverVersion,
    int queryHistorySize, int maxActiveStatements) {
  public static final int DEFAULT_QUERY_HISTORY_SIZE = 10_000;

  public EngineOptions(String database, long queryMemoryLimitBytes, String serverVersion) {
    this(database, queryMemoryLimitBytes, serverVersion, DEFAULT_QUERY_HISTORY_SIZE, 0);
  }

  /** What version() returns. */
  public String versionText() {
    return "PostgreSQL " + serverVersion + " on " + System.getProperty("os.arch") + "-"
        + System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT)
        + ", compiled by Java " + Runtime.version().feature();
  }

  public static final String POSTGRES_VERSION = "15.8";
  /** The superuser every data directory starts with. */
  public static final String SUPERUSER = io.exapg.storage.catalog.AccessControl.BOOTSTRAP_USER;
}
