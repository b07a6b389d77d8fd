package io.exapg.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.core.table.TableStore;
import io.exapg.storage.catalog.Catalog;
import io.exapg.storage.catalog.ColumnDef;
import io.exapg.storage.catalog.TableDef;
import io.exapg.storage.format.ColumnData;
import io.exapg.storage.format.SegmentFile;
import io.exapg.storage.io.DataDirectoryLock;
import io.exapg.storage.io.DurableFiles;
import io.exapg.storage.table.PendingWrites;
import io.exapg.storage.table.StorageTransaction;
import io.exapg.storage.table.TableSnapshot;
import io.exapg.storage.table.TableStorage;
import io.exapg.storage.table.TransactionTableStore;
import io.exapg.storage.wal.CommitRecord;
import io.exapg.storage.wal.WalRecord;
import io.exapg.storage.wal.WriteAheadLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's storage: catalog, write-ahead log and tables under one data directory. A commit is
 * acknowledged only after its log record is fsynced; committed writes are applied to the
 * tables in log order; checkpoints move buffered rows into segments and truncate the log.
 */
public final class StorageEngine implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StorageEngine.class);
  private static final int FORMAT_VERSION = 1;

  private final Path dataDirectory;
  private final DataDirectoryLock directoryLock;
  private final StorageOptions options;
  private final Catalog catalog;
  private final Map<Long, TableStorage> tables = new ConcurrentHashMap<>();
  private final ReentrantReadWriteLock checkpointLock = new ReentrantReadWriteLock();
  private final Object applyOrder = new Object();
  private WriteAheadLog wal;
  private long lastAppliedLsn;
  private volatile ExaException failure;

  private StorageEngine(Path dataDirectory, DataDirectoryLock directoryLock,
      StorageOptions options, Catalog catalog) {
    this.dataDirectory = dataDirectory;
    this.directoryLock = directoryLock;
    this.options = options;
    this.catalog = catalog;
  }

  /** Opens (or initializes) a data directory and recovers committed writes from the log. */
  public static StorageEngine open(Path dataDirectory, StorageOptions options) {
    DurableFiles.createDirectories(dataDirectory);
    DataDirectoryLock lock = DataDirectoryLock.acquire(dataDirectory);
    try {
      writeNodeFileIfMissing(dataDirectory);
      Catalog catalog = Catalog.open(dataDirectory.resolve("catalog"));
      StorageEngine engine = new StorageEngine(dataDirectory, lock, options, catalog);
      engine.recover();
      return engine;
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  private static void writeNodeFileIfMissing(Path dataDirectory) {
    Path nodeFile = dataDirectory.resolve("node.json");
    if (Files.exists(nodeFile)) {
      return;
    }
    ObjectMapper json = new ObjectMapper();
    ObjectNode node = json.createObjectNode();
    node.put("nodeId", UUID.randomUUID().toString());
    node.put("clusterId", UUID.randomUUID().toString());
    node.put("formatVersion", FORMAT_VERSION);
    try {
      DurableFiles.writeAtomically(nodeFile, json.writerWithDefaultPrettyPrinter()
          .writeValueAsBytes(node));
    } catch (IOException e) {
      throw DurableFiles.ioError("cannot write " + nodeFile, e);
    }
  }

  private Path tablesDirectory() {
    return dataDirectory.resolve("tables");
  }

  private void recover() {
    DurableFiles.createDirectories(tablesDirectory());
    long minimumLsn = 0;
    for (TableDef table : catalog.tables()) {
      TableStorage storage = TableStorage.open(table, tableDirectory(table.id()));
      tables.put(table.id(), storage);
      minimumLsn = Math.max(minimumLsn, storage.appliedLsn());
    }
    removeDroppedTableDirectories();
    long[] replayed = new long[1];
    wal = WriteAheadLog.open(dataDirectory.resolve("wal"), minimumLsn, record -> {
      if (record.type() == WalRecord.COMMIT) {
        replay(record);
        replayed[0]++;
      }
    });
    lastAppliedLsn = wal.lastLsn();
    for (TableStorage table : tables.values()) {
      table.deleteUnreferencedFiles();
    }
    if (replayed[0] > 0) {
      LOG.info("recovered {} committed transactions from the write-ahead log", replayed[0]);
      checkpoint();
    }
  }

  private void replay(WalRecord record) {
    CommitRecord commit = CommitRecord.decode(record.payload());
    for (CommitRecord.TableWrite write : commit.tables()) {
      TableStorage table = tables.get(write.tableId());
      if (table != null && record.lsn() > table.appliedLsn()) {
        table.replay(record.lsn(), write.segmentFiles(), write.rows());
      }
    }
  }

  private void removeDroppedTableDirectories() {
    try (Stream<Path> entries = Files.list(tablesDirectory())) {
      for (Path directory : entries.toList()) {
        String name = directory.getFileName().toString();
        if (!name.chars().allMatch(Character::isDigit)
            || !tables.containsKey(Long.parseLong(name))) {
          DurableFiles.deleteRecursively(directory);
        }
      }
    } catch (IOException e) {
      throw DurableFiles.ioError("cannot list " + tablesDirectory(), e);
    }
  }

  private Path tableDirectory(long tableId) {
    return tablesDirectory().resolve(Long.toString(tableId));
  }

  public Catalog catalog() {
    return catalog;
  }

  public Path dataDirectory() {
    return dataDirectory;
  }

  public TableSnapshot snapshot(long tableId) {
    TableStorage table = tables.get(tableId);
    return table == null ? null : table.snapshot();
  }

  public synchronized TableDef createTable(String schema, String name, List<ColumnDef> columns) {
    checkWritable();
    TableDef table = catalog.createTable(schema, name, columns);
    tables.put(table.id(), TableStorage.open(table, tableDirectory(table.id())));
    return table;
  }

  public synchronized void dropTable(TableDef table) {
    checkWritable();
    catalog.dropTable(table);
    TableStorage storage = tables.remove(table.id());
    if (storage != null) {
      storage.close();
      DurableFiles.deleteRecursively(storage.directory());
      DurableFiles.syncDirectory(tablesDirectory());
    }
  }

  public StorageTransaction begin() {
    return new StorageTransaction();
  }

  public TableStore tableStore(StorageTransaction transaction) {
    return new TransactionTableStore(tables::get, transaction);
  }

  private void checkWritable() {
    ExaException error = failure;
    if (error != null) {
      throw new ExaException(SqlState.IO_ERROR,
          "storage refuses writes after a failed log write: " + error.getMessage(), error);
    }
  }

  /** Makes a transaction's writes durable and visible; returns once they are both. */
  public void commit(StorageTransaction transaction) {
    List<PendingWrites> writes = new ArrayList<>();
    for (PendingWrites pending : transaction.pendingTables()) {
      if (pending.rowCount() > 0) {
        writes.add(pending);
      }
    }
    if (writes.isEmpty()) {
      transaction.rollback();
      return;
    }
    checkWritable();
    List<CommitRecord.TableWrite> parts = new ArrayList<>();
    List<List<SegmentFile>> segments = new ArrayList<>();
    List<ColumnData[]> rows = new ArrayList<>();
    for (PendingWrites pending : writes) {
      List<SegmentFile> files = pending.segments();
      ColumnData[] view = pending.view();
      segments.add(files);
      rows.add(view);
      parts.add(new CommitRecord.TableWrite(pending.table().table().id(),
          files.stream().map(f -> f.path().getFileName().toString()).toList(), view));
    }
    byte[] payload = new CommitRecord(parts).encode();
    checkpointLock.readLock().lock();
    try {
      long lsn;
      try {
        lsn = wal.append(WalRecord.COMMIT, payload);
      } catch (ExaException e) {
        failure = e;
        throw e;
      }
      boolean durable = false;
      try {
        wal.sync(lsn);
        durable = true;
      } catch (ExaException e) {
        failure = e;
        throw e;
      } finally {
        applyInOrder(lsn, durable ? writes : List.of(), segments, rows);
      }
    } finally {
      checkpointLock.readLock().unlock();
    }
    if (wal.bytesSinceRotation() > options.checkpointWalBytes()) {
      checkpoint();
    }
  }

  private void applyInOrder(long lsn, List<PendingWrites> writes, List<List<SegmentFile>> segments,
      List<ColumnData[]> rows) {
    synchronized (applyOrder) {
      while (lastAppliedLsn < lsn - 1) {
        try {
          applyOrder.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new ExaException(SqlState.ADMIN_SHUTDOWN, "interrupted while committing", e);
        }
      }
      try {
        for (int k = 0; k < writes.size(); k++) {
          TableStorage table = tables.get(writes.get(k).table().table().id());
          if (table != null) {
            table.apply(lsn, segments.get(k), rows.get(k));
          }
        }
      } finally {
        lastAppliedLsn = lsn;
        applyOrder.notifyAll();
      }
    }
  }

  /** Writes every table's buffered rows to segments, then starts a new, empty log. */
  public void checkpoint() {
    checkpointLock.writeLock().lock();
    try {
      long lsn = wal.lastLsn();
      for (TableStorage table : tables.values()) {
        table.flush(lsn);
      }
      wal.rotateAndDeleteOld();
    } finally {
      checkpointLock.writeLock().unlock();
    }
  }

  @Override
  public void close() {
    try {
      if (failure == null) {
        checkpoint();
      }
    } finally {
      wal.close();
      for (TableStorage table : tables.values()) {
        table.close();
      }
      directoryLock.close();
    }
  }
}
