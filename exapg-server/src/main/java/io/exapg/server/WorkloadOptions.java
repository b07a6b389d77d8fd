package io.exapg.server;

import io.exapg.planner.engine.EngineOptions;

/**
 * How a node bounds its statements and what it keeps of them.
 *
 * @param queryHistorySize finished statements exa_query_history keeps
 * @param maxActiveStatements sessions executing queries at once, the others queued; 0 for no
 *     limit
 * @param traceFileBytes size of one trace file past which it is rotated
 * @param traceDirectoryBytes size of all trace files past which the oldest are deleted
 */
public record WorkloadOptions(int queryHistorySize, int maxActiveStatements,
    long traceFileBytes, long traceDirectoryBytes) {
  public static final int DEFAULT_MAX_ACTIVE_STATEMENTS = 32;
  public static final WorkloadOptions DEFAULTS = new WorkloadOptions(
      EngineOptions.DEFAULT_QUERY_HISTORY_SIZE, DEFAULT_MAX_ACTIVE_STATEMENTS, 16L << 20,
      256L << 20);

  public WorkloadOptions {
    if (maxActiveStatements < 0) {
      throw new IllegalArgumentException("--max-active-statements must be 0 (no limit) or"
          + " more, not " + maxActiveStatements);
    }
    if (traceFileBytes < 4096 || traceDirectoryBytes < 2 * traceFileBytes) {
      throw new IllegalArgumentException("--trace-file-limit must be at least 4kB and"
          + " --trace-dir-limit at least twice --trace-file-limit (a file and its rotated"
          + " predecessor)");
    }
  }
}
