package io.exapg.core.trace;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Which statements the node traces beyond the sessions that asked (exa_trace_start): those of
 * one user, one database or all, keeping the detail of a sampled fraction and of every
 * statement running at least a threshold.
 *
 * @param user the user traced, or null for all
 * @param database the database traced, or null for all
 * @param sample fraction of statements kept, 1 for all
 * @param minDurationNanos statements at least this long are kept whatever the sample; -1 none
 */
public record TraceScope(String user, String database, double sample, long minDurationNanos) {
  public boolean covers(String sessionUser, String sessionDatabase) {
    return (user == null || user.equals(sessionUser))
        && (database == null || database.equals(sessionDatabase));
  }

  /** Whether a statement of this duration keeps its detail. */
  public boolean keeps(long durationNanos) {
    return sample >= 1 || minDurationNanos >= 0 && durationNanos >= minDurationNanos
        || ThreadLocalRandom.current().nextDouble() < sample;
  }

  public String describe() {
    return "tracing " + (user == null ? "all users" : "user " + user)
        + (database == null ? "" : " in database " + database)
        + (sample >= 1 ? "" : ", keeping " + sample * 100 + "% of statements")
        + (minDurationNanos < 0 ? "" : sample >= 1 ? "" : " and every one of at least "
            + minDurationNanos / 1_000_000 + " ms");
  }
}
