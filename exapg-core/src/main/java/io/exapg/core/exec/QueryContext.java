package io.exapg.core.exec;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.core.exec.spill.SpillSpace;
import io.exapg.core.plan.ScanNode;
import io.exapg.core.table.TableStore;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The state one query's execution shares across operators and threads: its memory allocator
 * (bounded by the query's budget), its spill space, its parameters, its view of storage, the
 * worker pool and cancellation.
 */
public final class QueryContext implements AutoCloseable {
  private final BufferAllocator allocator;
  private final Object[] parameters;
  private final TableStore tables;
  private final WorkerPool workers;
  private final SpillSpace spill;
  private final QueryStatistics statistics = new QueryStatistics();
  private final Map<ScanNode, List<ScanFilter>> runtimeFilters = new IdentityHashMap<>();
  private volatile ExaException cancellation;

  public QueryContext(BufferAllocator allocator, Object[] parameters, TableStore tables,
      WorkerPool workers) {
    this(allocator, parameters, tables, workers, SpillSpace.disabled());
  }

  public QueryContext(BufferAllocator allocator, Object[] parameters, TableStore tables,
      WorkerPool workers, SpillSpace spill) {
    this.allocator = allocator;
    this.parameters = parameters;
    this.tables = tables;
    this.workers = workers;
    this.spill = spill;
  }

  public BufferAllocator allocator() {
    return allocator;
  }

  public Object[] parameters() {
    return parameters;
  }

  public TableStore tables() {
    return tables;
  }

  public WorkerPool workers() {
    return workers;
  }

  public SpillSpace spill() {
    return spill;
  }

  /**
   * Whether an operator holding rows should move them to disk now: spilling is allowed and
   * more than 3/8 of the budget is in use. The rest is headroom for the batches in flight,
   * for the other operators' buffers and for reading spilled rows back.
   */
  public boolean shouldSpill() {
    return spill.enabled() && allocator.getAllocatedMemory() > allocator.getLimit() / 8 * 3;
  }

  /**
   * Bytes of rows one operator that also needs memory to use them (a join's hash table, a
   * sort's copy) may collect before spilling: a quarter of the budget.
   */
  public long operatorShare() {
    return spill.enabled() ? allocator.getLimit() / 4 : Long.MAX_VALUE;
  }

  /** {@link #operatorShare} divided among the worker threads, for per-thread buffers. */
  public long threadShare() {
    return operatorShare() / workers.threads();
  }

  public QueryStatistics statistics() {
    return statistics;
  }

  /**
   * A runtime filter on one table column of a scan.
   *
   * @param column the table column's ordinal
   */
  public record ScanFilter(int column, RuntimeFilter filter) {
  }

  /** Registers a filter a join's build side will publish before the scan runs. */
  public synchronized void addRuntimeFilter(ScanNode scan, ScanFilter filter) {
    runtimeFilters.computeIfAbsent(scan, s -> new ArrayList<>()).add(filter);
  }

  /** The runtime filters on a scan's rows, published or not. */
  public synchronized List<ScanFilter> runtimeFilters(ScanNode scan) {
    return List.copyOf(runtimeFilters.getOrDefault(scan, List.of()));
  }

  /** Stops the query at the next batch boundary with the given error. */
  public void cancel(ExaException reason) {
    cancellation = reason;
  }

  public static ExaException userCancel() {
    return new ExaException(SqlState.QUERY_CANCELED, "canceling statement due to user request");
  }

  public void checkCancelled() {
    ExaException reason = cancellation;
    if (reason != null) {
      throw reason;
    }
  }

  @Override
  public void close() {
    spill.close();
    allocator.close();
  }
}
