package io.exapg.storage.table;

import io.exapg.core.batch.Batch;
import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.core.exec.QueryContext;
import io.exapg.core.exec.Source;
import io.exapg.core.plan.ScanNode;
import io.exapg.core.table.TableStore;
import io.exapg.core.table.TableWriter;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/** Storage as one transaction sees it: committed snapshots plus its own pending writes. */
public final class TransactionTableStore implements TableStore {
  private final LongFunction<TableStorage> tables;
  private final StorageTransaction transaction;

  public TransactionTableStore(LongFunction<TableStorage> tables,
      StorageTransaction transaction) {
    this.tables = tables;
    this.transaction = transaction;
  }

  private TableStorage table(long tableId, String name) {
    TableStorage table = tables.apply(tableId);
    if (table == null) {
      throw new ExaException(SqlState.UNDEFINED_TABLE,
          "relation \"" + name + "\" does not exist (it was dropped)");
    }
    return table;
  }

  @Override
  public Source openScan(ScanNode scan, QueryContext context) {
    TableStorage table = table(scan.tableId(), scan.tableName());
    return new TableScanSource(scan, table.snapshot(), transaction.pending(scan.tableId()));
  }

  @Override
  public TableWriter openWriter(long tableId, QueryContext context) {
    TableStorage table = table(tableId, "#" + tableId);
    PendingWrites pending = transaction.pendingFor(table);
    AtomicLong rows = new AtomicLong();
    return new TableWriter() {
      @Override
      public void append(Batch batch) {
        pending.append(batch);
        rows.addAndGet(batch.size());
      }

      @Override
      public long rowCount() {
        return rows.get();
      }

      @Override
      public void finish() {
      }
    };
  }
}
