package io.exapg.core.engine;

/**
 * The seam between a client protocol (PostgreSQL wire, later HTTP) and everything that
 * understands SQL. Implementations must be thread-safe; sessions are not shared between
 * threads at the same time, except for {@link EngineSession#cancel}.
 */
public interface QueryEngine {
  /** Opens a session for an authenticated user; fails with 3D000 for an unknown database. */
  EngineSession openSession(SessionInfo info);
}
