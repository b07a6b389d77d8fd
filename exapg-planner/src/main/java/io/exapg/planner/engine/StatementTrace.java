package io.exapg.planner.engine;

import io.exapg.core.batch.Batch;
import io.exapg.core.engine.CopyInSink;
import io.exapg.core.engine.CopyOutSource;
import io.exapg.core.engine.ResultStream;
import io.exapg.core.engine.StatementResult;
import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.core.exec.OperatorStatistics;
import io.exapg.core.exec.QueryStatistics;
import io.exapg.core.exec.spill.SpillSpace;
import io.exapg.core.plan.PlanNode;
import io.exapg.core.plan.ScanPredicate;
import io.exapg.core.trace.ColumnFilter;
import io.exapg.core.trace.ColumnRef;
import io.exapg.core.trace.IoCounters;
import io.exapg.core.trace.JoinTraffic;
import io.exapg.core.trace.OperatorTrace;
import io.exapg.core.trace.QueryLog;
import io.exapg.core.trace.QueryRecord;
import io.exapg.core.trace.StatementUsage;
import io.exapg.core.trace.TableActivity;
import io.exapg.core.trace.TraceDetail;
import io.exapg.core.trace.TraceScope;
import io.exapg.core.trace.Waits;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * One statement from its start until its last row is sent (or it fails), collecting its
 * rows and the I/O of its query executions; recorded in the query log once, at its end.
 */
final class StatementTrace {
  /** Characters of a statement's text kept (a bulk INSERT's text can be megabytes). */
  static final int MAX_QUERY_TEXT = 10_000;

  private final QueryLog log;
  private final long traceId;
  private final int sessionId;
  private final String user;
  private final String query;
  private final long startMicros;
  private final long startNanos = System.nanoTime();
  private final AtomicBoolean ended = new AtomicBoolean();
  private final Thread owner = Thread.currentThread();
  private final long[] waitsAtStart = Waits.sinceThreadStart();
  private IoCounters io = IoCounters.NONE;
  private final Map<ColumnRef, IoCounters> columnIo = new HashMap<>();
  private final Map<ColumnRef, ColumnFilter> filters = new HashMap<>();
  private final List<JoinTraffic> joins = new ArrayList<>();
  private long spilledBytes;
  private long spillFiles;
  private final AtomicLong sentBytes = new AtomicLong();
  /** Phases and operators, kept only when the session traces (exapg.trace = on). */
  private List<TraceDetail.Phase> phases;
  private List<OperatorTrace> plans;
  /** The node-wide tracing that asked for the detail, which decides whether it is kept. */
  private TraceScope scope;
  private long dispatchedNanos;

  StatementTrace(QueryLog log, int sessionId, String user, String query, long startMicros) {
    this.log = log;
    this.traceId = log.nextTraceId();
    this.sessionId = sessionId;
    this.user = user;
    this.query = query.length() <= MAX_QUERY_TEXT ? query : query.substring(0, MAX_QUERY_TEXT);
    this.startMicros = startMicros;
  }

  long traceId() {
    return traceId;
  }

  String query() {
    return query;
  }

  /**
   * Keeps this statement's phases and operators.
   *
   * @param planPhases the phases of preparing it, before its start; empty when it was
   *     prepared for an earlier execution
   * @param scope the node-wide tracing that asks, or null when the session does
   */
  synchronized void detailed(List<TraceDetail.Phase> planPhases, TraceScope scope) {
    this.scope = scope;
    phases = new ArrayList<>(planPhases);
    plans = new ArrayList<>();
  }

  /** The statement has run; what is left is sending its rows (or its COPY data). */
  void dispatched() {
    dispatchedNanos = System.nanoTime();
  }

  /** The operators of one of its query executions, with what each did. */
  synchronized void addPlan(PlanNode root, QueryStatistics statistics) {
    if (plans != null) {
      plans.add(operators(root, statistics));
    }
  }

  private static OperatorTrace operators(PlanNode node, QueryStatistics statistics) {
    List<OperatorTrace> inputs = new ArrayList<>();
    for (PlanNode input : node.inputs()) {
      inputs.add(operators(input, statistics));
    }
    OperatorStatistics operator = statistics.operatorOf(node);
    return operator == null ? new OperatorTrace(node.describe(), 0, 0, 0, 0, inputs)
        : new OperatorTrace(node.describe(), operator.rows(), operator.batches(),
            operator.nanos(), operator.peakMemoryBytes(), inputs);
  }

  long elapsedNanos() {
    return System.nanoTime() - startNanos;
  }

  /**
   * What one of the statement's query executions did: its chunk reads, its scans' zone-map
   * use per filtered column, its hash joins' traffic, its spilling.
   *
   * @param root the executed plan, or null when unknown
   * @param distribution a table's DISTRIBUTE BY column positions by catalog id
   */
  synchronized void addExecution(PlanNode root, QueryStatistics statistics, SpillSpace spill,
      LongFunction<List<Integer>> distribution) {
    statistics.scans().forEach((scan, counters) -> {
      io = io.plus(IoCounters.of(List.of(counters)));
      for (int column : counters.columnsRead()) {
        columnIo.merge(new ColumnRef(scan.tableId(), column),
            IoCounters.ofColumn(counters, column), IoCounters::plus);
      }
      ColumnFilter use = new ColumnFilter(1, counters.segmentsRead(),
          counters.segmentsSkipped(), counters.rowGroupsRead(), counters.rowGroupsSkipped(),
          counters.rowsExamined(), counters.rows());
      scan.predicates().stream().map(ScanPredicate::column).distinct().forEach(column ->
          filters.merge(new ColumnRef(scan.tableId(), column), use, ColumnFilter::plus));
    });
    if (root != null) {
      joins.addAll(JoinTrafficEstimate.of(root, statistics, distribution));
    }
    spilledBytes += spill.writtenBytes();
    spillFiles += spill.filesMade();
  }

  void succeeded(long rows) {
    end(rows, QueryRecord.OK);
  }

  void failed(ExaException error, long rows) {
    end(rows, error.state().code());
  }

  private void end(long rows, String status) {
    if (ended.compareAndSet(false, true)) {
      long end = System.nanoTime();
      IoCounters total;
      TableActivity tables;
      StatementUsage usage;
      TraceDetail detail = null;
      synchronized (this) {
        total = io;
        tables = new TableActivity(columnIo, filters, joins);
        long[] waits = new long[Waits.Kind.values().length];
        if (Thread.currentThread() == owner) {
          long[] now = Waits.sinceThreadStart();
          for (int k = 0; k < waits.length; k++) {
            waits[k] = now[k] - waitsAtStart[k];
          }
        }
        usage = new StatementUsage(sentBytes.get(), spilledBytes, spillFiles,
            waits[Waits.Kind.LOCK.ordinal()], waits[Waits.Kind.ADMISSION.ordinal()],
            waits[Waits.Kind.WAL_SYNC.ordinal()]);
        if (phases != null && (scope == null || scope.keeps(end - startNanos))) {
          long dispatched = dispatchedNanos == 0 ? end : dispatchedNanos;
          phases.add(new TraceDetail.Phase("execute", 0, dispatched - startNanos));
          phases.add(new TraceDetail.Phase("send", dispatched - startNanos, end - dispatched));
          detail = new TraceDetail(phases, plans);
        }
      }
      log.record(new QueryRecord(traceId, sessionId, user, query, startMicros,
          end - startNanos, rows, status, total, usage, tables, detail));
    }
  }

  /** The result, with its end (rows streamed, COPY done) reported to this trace. */
  StatementResult follow(StatementResult result) {
    return switch (result) {
      case StatementResult.Command command -> {
        succeeded(rowsOf(command.tag()));
        yield command;
      }
      case StatementResult.Rows rows -> new StatementResult.Rows(rows.columns(),
          new TracedStream(rows.stream()), rows.tagPrefix());
      case StatementResult.CopyIn copy -> new StatementResult.CopyIn(copy.columnCount(),
          new TracedSink(copy.sink()));
      case StatementResult.CopyOut copy -> new StatementResult.CopyOut(copy.columnCount(),
          new TracedSource(copy.source()));
    };
  }

  /** The row count at the end of a command tag ("INSERT 0 5", "UPDATE 3"); 0 for others. */
  private static long rowsOf(String tag) {
    int space = tag.lastIndexOf(' ');
    String last = tag.substring(space + 1);
    return space > 0 && !last.isEmpty() && last.chars().allMatch(Character::isDigit)
        ? Long.parseLong(last) : 0;
  }

  private final class TracedStream implements ResultStream {
    private final ResultStream stream;
    private long rows;

    TracedStream(ResultStream stream) {
      this.stream = stream;
    }

    @Override
    public Batch next() {
      try {
        Batch batch = stream.next();
        if (batch != null) {
          rows += batch.size();
        }
        return batch;
      } catch (RuntimeException e) {
        failed(ExaException.wrap(e), rows);
        throw e;
      }
    }

    @Override
    public void sent(long bytes) {
      sentBytes.addAndGet(bytes);
    }

    @Override
    public void close() {
      try {
        stream.close();
      } finally {
        succeeded(rows);
      }
    }
  }

  private final class TracedSink implements CopyInSink {
    private final CopyInSink sink;

    TracedSink(CopyInSink sink) {
      this.sink = sink;
    }

    @Override
    public void write(ByteBuffer data) {
      try {
        sink.write(data);
      } catch (RuntimeException e) {
        failed(ExaException.wrap(e), 0);
        throw e;
      }
    }

    @Override
    public long finish() {
      try {
        long rows = sink.finish();
        succeeded(rows);
        return rows;
      } catch (RuntimeException e) {
        failed(ExaException.wrap(e), 0);
        throw e;
      }
    }

    @Override
    public void abort() {
      try {
        sink.abort();
      } finally {
        failed(new ExaException(SqlState.QUERY_CANCELED, "COPY from stdin aborted"), 0);
      }
    }
  }

  private final class TracedSource implements CopyOutSource {
    private final CopyOutSource source;

    TracedSource(CopyOutSource source) {
      this.source = source;
    }

    @Override
    public byte[] next() {
      try {
        byte[] piece = source.next();
        if (piece != null) {
          sentBytes.addAndGet(piece.length);
        }
        return piece;
      } catch (RuntimeException e) {
        failed(ExaException.wrap(e), source.rowCount());
        throw e;
      }
    }

    @Override
    public long rowCount() {
      return source.rowCount();
    }

    @Override
    public void close() {
      try {
        source.close();
      } finally {
        succeeded(source.rowCount());
      }
    }
  }
}
