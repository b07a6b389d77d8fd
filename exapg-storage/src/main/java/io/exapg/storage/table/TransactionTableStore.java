package io.exapg.storage.table;

import io.exapg.core.batch.Batch;
import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.core.exec.QueryContext;
import io.exapg.core.exec.Source;
import io.exapg.core.plan.ScanNode;
import io.exapg.core.table.TableDeleter;
import io.exapg.core.table.TableStore;
import io.exapg.core.table.TableWriter;
import io.exapg.core.stats.StatisticsCollector;
import io.exapg.core.type.DataType;
import io.exapg.storage.catalog.StatisticsStore;
import io.exapg.storage.format.DeleteBitmaps;
import io.exapg.storage.io.ChunkCache;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.apache.arrow.vector.BigIntVector;
import org.roaringbitmap.RoaringBitmap;

/** Storage as one transaction sees it: its snapshot plus its own inserts and deletes. */
public final class TransactionTableStore implements TableStore {
  /** Checks a statement's deletes against commits made since the transaction's snapshot. */
  public interface ConflictCheck {
    void check(StorageTransaction transaction, long tableId, Map<Long, RoaringBitmap> deletes);
  }

  private final LongFunction<TableStorage> tables;
  private final StorageTransaction transaction;
  private final ConflictCheck conflicts;
  private final ChunkCache cache;
  private final DecodedChunkCache decodedCache;
  private final StatisticsStore statistics;

  public TransactionTableStore(LongFunction<TableStorage> tables,
      StorageTransaction transaction, ConflictCheck conflicts, ChunkCache cache,
      DecodedChunkCache decodedCache, StatisticsStore statistics) {
    this.tables = tables;
    this.transaction = transaction;
    this.conflicts = conflicts;
    this.cache = cache;
    this.decodedCache = decodedCache;
    this.statistics = statistics;
  }

  private TableStorage table(long tableId, String name) {
    TableStorage table = tables.apply(tableId);
    if (table == null) {
      throw new ExaException(SqlState.UNDEFINED_TABLE,
          "relation \"" + name + "\" does not exist (it was dropped)");
    }
    return table;
  }

  private TableSnapshot snapshot(long tableId, String name) {
    TableSnapshot snapshot = transaction.table(tableId);
    if (snapshot == null) {
      throw new ExaException(SqlState.UNDEFINED_TABLE, "relation \"" + name
          + "\" was created after this transaction started; it cannot read it");
    }
    return snapshot;
  }

  @Override
  public Source openScan(ScanNode scan, QueryContext context) {
    table(scan.tableId(), scan.tableName());
    TableSnapshot snapshot = snapshot(scan.tableId(), scan.tableName());
    List<SegmentRef> containers = new ArrayList<>(snapshot.segments());
    PendingWrites pending = transaction.pending(scan.tableId());
    if (pending != null) {
      containers.addAll(pending.containers());
    }
    Map<Long, RoaringBitmap> deletes = new HashMap<>(snapshot.deletes());
    for (Map.Entry<Long, RoaringBitmap> own : transaction.deletes(scan.tableId()).entrySet()) {
      deletes.put(own.getKey(), DeleteBitmaps.union(deletes.get(own.getKey()), own.getValue()));
    }
    return new TableScanSource(scan, containers, deletes, cache, decodedCache);
  }

  @Override
  public TableWriter openWriter(long tableId, QueryContext context) {
    TableStorage table = table(tableId, "#" + tableId);
    PendingWrites pending = transaction.pendingFor(table);
    AtomicLong rows = new AtomicLong();
    // Statistics of the rows written, gathered per thread; if the transaction rolls back,
    // they stay counted, which the planner's estimates can bear.
    List<DataType> types = table.table().columnTypes();
    Map<Thread, StatisticsCollector> collectors = new java.util.concurrent.ConcurrentHashMap<>();
    return new TableWriter() {
      @Override
      public void observe(Batch batch) {
        collectors.computeIfAbsent(Thread.currentThread(), t -> new StatisticsCollector(types))
            .add(batch);
      }

      @Override
      public void appendObserved(Batch batch) {
        pending.append(batch);
        rows.addAndGet(batch.size());
      }

      @Override
      public long rowCount() {
        return rows.get();
      }

      @Override
      public void finish() {
        pending.finishStatement();
        StatisticsCollector all = new StatisticsCollector(types);
        for (StatisticsCollector one : collectors.values()) {
          all.merge(one);
        }
        if (all.rows() > 0) {
          statistics.add(tableId, all.result());
        }
      }
    };
  }

  @Override
  public TableDeleter openDeleter(long tableId, QueryContext context) {
    table(tableId, "#" + tableId);
    return new StatementDeletes(tableId);
  }

  /** One statement's deleted row ids, handed to the transaction when the statement ends. */
  private final class StatementDeletes implements TableDeleter {
    private final long tableId;
    private final Map<Long, RoaringBitmap> positions = new HashMap<>();
    private long rows;

    StatementDeletes(long tableId) {
      this.tableId = tableId;
    }

    @Override
    public synchronized void delete(Batch batch, int rowIdColumn) {
      BigIntVector ids = (BigIntVector) batch.column(rowIdColumn);
      long lastSegment = -1;
      RoaringBitmap target = null;
      for (int j = 0; j < batch.size(); j++) {
        long rowId = ids.get(batch.row(j));
        long segment = SegmentRef.segmentOf(rowId);
        if (segment != lastSegment) {
          target = positions.computeIfAbsent(segment, id -> new RoaringBitmap());
          lastSegment = segment;
        }
        if (target.checkedAdd(SegmentRef.positionOf(rowId))) {
          rows++;
        }
      }
    }

    @Override
    public synchronized long rowCount() {
      return rows;
    }

    @Override
    public synchronized void finish() {
      if (positions.isEmpty()) {
        return;
      }
      PendingWrites pending = transaction.pending(tableId);
      Map<Long, RoaringBitmap> committed = new HashMap<>();
      for (Map.Entry<Long, RoaringBitmap> entry : positions.entrySet()) {
        if (pending == null || !pending.owns(entry.getKey())) {
          committed.put(entry.getKey(), entry.getValue());
        }
      }
      if (!committed.isEmpty()) {
        conflicts.check(transaction, tableId, committed);
      }
      transaction.addDeletes(tableId, positions);
    }
  }
}
