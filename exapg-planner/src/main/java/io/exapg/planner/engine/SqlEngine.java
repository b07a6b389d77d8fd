package io.exapg.planner.engine;

import io.exapg.core.engine.EngineSession;
import io.exapg.core.engine.QueryEngine;
import io.exapg.core.engine.SessionInfo;
import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.core.exec.WorkerPool;
import io.exapg.core.exec.spill.SpillArea;
import io.exapg.core.memory.MemoryManager;
import io.exapg.core.trace.QueryLog;
import io.exapg.planner.QueryPlanner;
import io.exapg.storage.StorageEngine;
import io.exapg.planner.catalog.pg.SessionActivity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/** The SQL engine of one node: planner, storage, memory and workers shared by all sessions. */
public final class SqlEngine implements QueryEngine, AutoCloseable {
  private final StorageEngine storage;
  private final MemoryManager memory;
  private final WorkerPool workers;
  private final EngineOptions options;
  private final QueryPlanner planner;
  private final ScheduledExecutorService timer;
  private final SpillArea spillArea;
  private final Set<SqlSession> sessions = ConcurrentHashMap.newKeySet();
  private final QueryLog queryLog;
  private final AdmissionControl admission;
  private volatile Supplier<String> reloader = () -> null;

  public SqlEngine(StorageEngine storage, MemoryManager memory, WorkerPool workers,
      EngineOptions options) {
    this.storage = storage;
    this.memory = memory;
    this.workers = workers;
    this.options = options;
    this.queryLog = new QueryLog(options.queryHistorySize());
    this.admission = new AdmissionControl(options.maxActiveStatements());
    this.planner = new QueryPlanner(storage, options.database(), EngineOptions.SUPERUSER,
        this::activity, queryLog);
    this.spillArea = new SpillArea(storage.dataDirectory().resolve("tmp"));
    this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "exapg-statement-timer");
      thread.setDaemon(true);
      return thread;
    });
  }

  @Override
  public EngineSession openSession(SessionInfo info) {
    if (!info.database().equals(options.database())) {
      throw new ExaException(SqlState.INVALID_CATALOG_NAME,
          "database \"" + info.database() + "\" does not exist");
    }
    SqlSession session = new SqlSession(this, info);
    sessions.add(session);
    return session;
  }

  void closed(SqlSession session) {
    sessions.remove(session);
  }

  /** What every open session is doing, for pg_stat_activity. */
  private List<SessionActivity> activity() {
    List<SessionActivity> all = new ArrayList<>();
    for (SqlSession session : sessions) {
      all.add(session.activity());
    }
    all.sort(java.util.Comparator.comparingInt(SessionActivity::pid));
    return all;
  }

  StorageEngine storage() {
    return storage;
  }

  MemoryManager memory() {
    return memory;
  }

  WorkerPool workers() {
    return workers;
  }

  EngineOptions options() {
    return options;
  }

  /** Finished statements: the history, figures per fingerprint, and their listeners. */
  public QueryLog queryLog() {
    return queryLog;
  }

  /** The bound on sessions executing at once, and who waits for it. */
  public AdmissionControl admission() {
    return admission;
  }

  /**
   * What pg_reload_conf() does: reads the node's configuration files again; answers null, or
   * what could not be read (the previous configuration then stays).
   */
  public void onReload(Supplier<String> reload) {
    reloader = reload;
  }

  String reloadConfiguration() {
    return reloader.get();
  }

  /** How many client sessions are open. */
  public int sessionCount() {
    return sessions.size();
  }

  SpillArea spillArea() {
    return spillArea;
  }

  QueryPlanner planner() {
    return planner;
  }

  ScheduledExecutorService timer() {
    return timer;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
