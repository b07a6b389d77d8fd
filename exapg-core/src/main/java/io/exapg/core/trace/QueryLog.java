package io.exapg.core.trace;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The node's record of finished statements: the latest ones (a bounded history), figures per
 * statement fingerprint, and listeners (metrics) told of each one.
 */
public final class QueryLog {
  /** Fingerprints kept at most; the least recently called go first beyond it. */
  public static final int MAX_FINGERPRINTS = 5000;

  private final int historySize;
  private final AtomicLong traceIds = new AtomicLong();
  private final ArrayDeque<QueryRecord> history = new ArrayDeque<>();
  private final Map<Long, StatementStatistics> statements =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, StatementStatistics> eldest) {
          return size() > MAX_FINGERPRINTS;
        }
      };
  private final Map<ColumnRef, IoCounters> columnIo = new HashMap<>();
  private final Map<ColumnRef, ColumnFilter> filters = new HashMap<>();
  private final Map<JoinTraffic.Key, JoinTraffic> joins = new HashMap<>();
  private final List<Consumer<QueryRecord>> listeners = new CopyOnWriteArrayList<>();
  private long resetMicros;
  private volatile TraceScope scope;

  /** @param historySize how many finished statements exa_query_history keeps */
  public QueryLog(int historySize) {
    if (historySize < 1) {
      throw new ExaException(SqlState.INVALID_PARAMETER_VALUE,
          "the query history must keep at least 1 statement, not " + historySize);
    }
    this.historySize = historySize;
  }

  /** A new trace id for a statement about to run. */
  public long nextTraceId() {
    return traceIds.incrementAndGet();
  }

  public void addListener(Consumer<QueryRecord> listener) {
    listeners.add(listener);
  }

  public void record(QueryRecord record) {
    String normalized = Fingerprint.normalize(record.query());
    long fingerprint = Fingerprint.id(normalized);
    synchronized (this) {
      if (history.size() == historySize) {
        history.removeFirst();
      }
      history.addLast(record);
      statements.computeIfAbsent(fingerprint, id -> new StatementStatistics(id, normalized))
          .add(record);
      TableActivity tables = record.tables();
      tables.columnIo().forEach((column, io) -> columnIo.merge(column, io, IoCounters::plus));
      tables.filters().forEach((column, use) -> filters.merge(column, use, ColumnFilter::plus));
      for (JoinTraffic join : tables.joins()) {
        joins.merge(join.key(), join, JoinTraffic::plus);
      }
    }
    for (Consumer<QueryRecord> listener : listeners) {
      listener.accept(record);
    }
  }

  /** The latest finished statements, oldest first. */
  public synchronized List<QueryRecord> history() {
    return new ArrayList<>(history);
  }

  public synchronized List<StatementStatistics.Snapshot> statements() {
    List<StatementStatistics.Snapshot> all = new ArrayList<>(statements.size());
    for (StatementStatistics statistics : statements.values()) {
      all.add(statistics.snapshot());
    }
    return all;
  }

  /** What the node traces besides sessions with exapg.trace on; null for nothing. */
  public TraceScope traceScope() {
    return scope;
  }

  /** exa_trace_start / exa_trace_stop (null). */
  public void traceScope(TraceScope traced) {
    scope = traced;
  }

  /** Chunk reads per table column since the node started, for exa_table_io. */
  public synchronized Map<ColumnRef, IoCounters> columnIo() {
    return Map.copyOf(columnIo);
  }

  /** Zone-map use per filtered table column since the node started, for exa_table_io. */
  public synchronized Map<ColumnRef, ColumnFilter> filters() {
    return Map.copyOf(filters);
  }

  /** Hash join traffic per pair of join key columns since the node started. */
  public synchronized List<JoinTraffic> joins() {
    return new ArrayList<>(joins.values());
  }

  /** Forgets the statement figures (not the history); returns when, in epoch microseconds. */
  public synchronized long resetStatements(long nowMicros) {
    statements.clear();
    resetMicros = nowMicros;
    return resetMicros;
  }
}
