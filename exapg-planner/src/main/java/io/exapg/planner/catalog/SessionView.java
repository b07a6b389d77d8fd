package io.exapg.planner.catalog;

import java.util.Map;

/**
 * What system views that differ from session to session (pg_settings, the query history)
 * read of the session.
 */
public interface SessionView {
  /** Every setting by its display name: its value and description. */
  Map<String, String[]> settings();

  /** The name of the session's role. */
  String userName();

  boolean superuser();
}
