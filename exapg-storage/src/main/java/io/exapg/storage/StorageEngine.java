package io.exapg.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.core.table.TableStore;
import io.exapg.core.trace.Waits;
import io.exapg.storage.catalog.AccessControl;
import io.exapg.storage.catalog.Catalog;
import io.exapg.storage.catalog.CatalogJournal;
import io.exapg.storage.catalog.ColumnDef;
import io.exapg.storage.catalog.IndexDef;
import io.exapg.storage.catalog.PartitionSpec;
import io.exapg.storage.catalog.StatisticsStore;
import io.exapg.storage.catalog.TableDef;
import io.exapg.storage.format.ByteReader;
import io.exapg.storage.format.ByteWriter;
import io.exapg.storage.format.ColumnBuffer;
import io.exapg.storage.format.ColumnData;
import io.exapg.storage.format.SegmentFile;
import io.exapg.storage.io.ChunkCache;
import io.exapg.storage.table.DecodedChunkCache;
import io.exapg.storage.io.DataDirectoryLock;
import io.exapg.storage.io.DurableFiles;
import io.exapg.storage.table.Compactor;
import io.exapg.storage.table.DatabaseSnapshot;
import io.exapg.storage.table.PendingWrites;
import io.exapg.storage.table.SchemaChange;
import io.exapg.storage.table.SegmentRef;
import io.exapg.storage.table.SnapshotRegistry;
import io.exapg.storage.table.StorageTransaction;
import io.exapg.storage.table.TableSnapshot;
import io.exapg.storage.table.TableStorage;
import io.exapg.storage.table.TransactionTableStore;
import io.exapg.storage.wal.CommitRecord;
import io.exapg.storage.wal.CompactionRecord;
import io.exapg.storage.wal.WalRecord;
import io.exapg.storage.wal.WriteAheadLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.roaringbitmap.RoaringBitmap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's storage: catalog, write-ahead log and tables under one data directory.
 *
 * <p>Commits are validated, logged and applied to the tables' heads one at a time under the
 * commit lock, in log order; the log is then fsynced (several commits share one fsync) and the
 * new database snapshot is published. A transaction reads the snapshot published when it
 * started (snapshot isolation); a commit that deletes a row another transaction deleted after
 * that snapshot fails with SQLSTATE 40001. Checkpoints write buffered rows out as segments,
 * record that in each table's manifest, and start a new, empty log.
 *
 * <p>Catalog changes hold the schema lock: a statement's for its duration, a transaction
 * block's until it ends. A block's changes are written through to the catalog at once, with a
 * journal of the catalog as it was; its commit record names the journal, and a rollback, or a
 * crash before that record is durable, puts the journaled catalog back. Tables a block drops
 * keep their storage until it commits; tables it creates lose theirs if it does not.
 */
public final class StorageEngine implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StorageEngine.class);
  private static final int FORMAT_VERSION = 2;

  /** A dropped table's files, deleted once no snapshot can read them. */
  private record Dropped(TableStorage storage, long sequence) {
  }

  private final Path dataDirectory;
  private final DataDirectoryLock directoryLock;
  private final StorageOptions options;
  private final Catalog catalog;
  private final AccessControl access;
  private final StatisticsStore statistics;
  private final Map<Long, TableStorage> tables = new ConcurrentHashMap<>();
  private final ReentrantLock commitLock = new ReentrantLock();
  private final Semaphore schemaLock = new Semaphore(1);
  /** The catalog changes of the transaction block holding the schema lock, or null. */
  private volatile SchemaChange openSchemaChange;
  private final ConcurrentSkipListMap<Long, DatabaseSnapshot> unpublished =
      new ConcurrentSkipListMap<>();
  private final List<Dropped> dropped = new ArrayList<>();
  private final AtomicInteger writerThreads = new AtomicInteger();
  private final ExecutorService segmentWriters = Executors.newFixedThreadPool(
      Runtime.getRuntime().availableProcessors(), runnable -> {
        Thread thread = new Thread(runnable,
            "exapg-segment-writer-" + writerThreads.incrementAndGet());
        thread.setDaemon(true);
        return thread;
      });
  private final ChunkCache chunkCache;
  private final DecodedChunkCache decodedChunkCache;
  private ScheduledExecutorService compactor;
  private WriteAheadLog wal;
  private SnapshotRegistry snapshots;
  private DatabaseSnapshot head;
  private volatile ExaException failure;

  private StorageEngine(Path dataDirectory, DataDirectoryLock directoryLock,
      StorageOptions options, Catalog catalog) {
    this.dataDirectory = dataDirectory;
    this.directoryLock = directoryLock;
    this.options = options;
    this.catalog = catalog;
    this.access = AccessControl.open(dataDirectory.resolve("catalog"), catalog);
    this.statistics = StatisticsStore.open(dataDirectory.resolve("catalog"));
    this.chunkCache = new ChunkCache(options.chunkCacheBytes());
    this.decodedChunkCache = new DecodedChunkCache(options.chunkCacheBytes());
  }

  /** Opens (or initializes) a data directory and recovers committed writes from the log. */
  public static StorageEngine open(Path dataDirectory, StorageOptions options) {
    DurableFiles.createDirectories(dataDirectory);
    DataDirectoryLock lock = DataDirectoryLock.acquire(dataDirectory);
    try {
      writeNodeFileIfMissing(dataDirectory);
      Path walDirectory = dataDirectory.resolve("wal");
      CatalogJournal.recover(dataDirectory.resolve("catalog"),
          id -> schemaCommitLogged(walDirectory, id));
      Catalog catalog = Catalog.open(dataDirectory.resolve("catalog"));
      StorageEngine engine = new StorageEngine(dataDirectory, lock, options, catalog);
      engine.recover();
      engine.startCompactor();
      return engine;
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /** Whether the log holds the commit record of the transaction block with that journal. */
  private static boolean schemaCommitLogged(Path walDirectory, long journalId) {
    boolean[] found = new boolean[1];
    WriteAheadLog.scan(walDirectory, record -> found[0] |= record.type()
        == WalRecord.SCHEMA_COMMIT && journalId(record) == journalId);
    return found[0];
  }

  private static long journalId(WalRecord record) {
    return new ByteReader(record.payload(), 0, Long.BYTES).u64();
  }

  /** Writes node.json on first use; later, checks that this version can read the directory. */
  private static void writeNodeFileIfMissing(Path dataDirectory) {
    Path nodeFile = dataDirectory.resolve("node.json");
    ObjectMapper json = new ObjectMapper();
    if (Files.exists(nodeFile)) {
      int format;
      try {
        format = json.readTree(nodeFile.toFile()).path("formatVersion").asInt(-1);
      } catch (IOException e) {
        throw new ExaException(SqlState.DATA_CORRUPTED,
            "cannot read " + nodeFile + ": " + e.getMessage(), e);
      }
      if (format != FORMAT_VERSION) {
        throw new ExaException(SqlState.DATA_CORRUPTED, "data directory " + dataDirectory
            + " has storage format " + format + "; this ExaPG reads format " + FORMAT_VERSION
            + ": start it with a new data directory");
      }
      return;
    }
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

  private Path tableDirectory(long tableId) {
    return tablesDirectory().resolve(Long.toString(tableId));
  }

  private void recover() {
    DurableFiles.createDirectories(tablesDirectory());
    long minimumLsn = 0;
    for (TableDef table : catalog.tables()) {
      TableStorage storage = TableStorage.open(table, tableDirectory(table.id()), segmentWriters);
      tables.put(table.id(), storage);
      minimumLsn = Math.max(minimumLsn, storage.appliedLsn());
    }
    removeDroppedTableDirectories();
    long[] replayed = new long[1];
    wal = WriteAheadLog.open(dataDirectory.resolve("wal"), minimumLsn, record -> {
      if (record.type() == WalRecord.COMMIT) {
        replay(CommitRecord.decode(record.payload()), record.lsn());
        replayed[0]++;
      } else if (record.type() == WalRecord.SCHEMA_COMMIT) {
        replay(CommitRecord.decode(Arrays.copyOfRange(record.payload(), Long.BYTES,
            record.payload().length)), record.lsn());
        replayed[0]++;
      } else if (record.type() == WalRecord.COMPACTION) {
        CompactionRecord compaction = CompactionRecord.decode(record.payload());
        TableStorage table = tables.get(compaction.tableId());
        if (table != null && record.lsn() > table.appliedLsn()) {
          table.applyCompaction(compaction, null, null, 1);
          replayed[0]++;
        }
      }
    });
    Map<Long, TableSnapshot> heads = new HashMap<>();
    for (TableStorage table : tables.values()) {
      table.deleteUnreferencedFiles();
      heads.put(table.table().id(), table.head());
    }
    head = new DatabaseSnapshot(1, wal.lastLsn(), heads);
    snapshots = new SnapshotRegistry(head);
    if (replayed[0] > 0) {
      LOG.info("recovered {} commits and compactions from the write-ahead log", replayed[0]);
      checkpoint();
    }
  }

  private void replay(CommitRecord commit, long lsn) {
    for (CommitRecord.TableWrite write : commit.tables()) {
      TableStorage table = tables.get(write.tableId());
      if (table != null && lsn > table.appliedLsn()) {
        table.apply(write, null, 1);
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

  public Catalog catalog() {
    return catalog;
  }

  /** Roles, owners and privileges. */
  public AccessControl access() {
    return access;
  }

  /** Table statistics for the planner, gathered on load and by ANALYZE. */
  public StatisticsStore statistics() {
    return statistics;
  }

  public Path dataDirectory() {
    return dataDirectory;
  }

  /** The newest committed version of a table, or null if there is no such table. */
  public TableSnapshot snapshot(long tableId) {
    return snapshots.published().table(tableId);
  }

  // ---------------------------------------------------------------- tables

  public TableDef createTable(String schema, String name, List<ColumnDef> columns) {
    return createTable(schema, name, columns, null, List.of());
  }

  /**
   * Creates a table.
   *
   * @param partitioning how rows are split into partitions, or null
   * @param distribution the DISTRIBUTE BY columns, empty for none
   */
  public TableDef createTable(String schema, String name, List<ColumnDef> columns,
      PartitionSpec partitioning, List<String> distribution) {
    return createTable(schema, name, columns, partitioning, distribution, List.of());
  }

  /** Creates a table with its primary key, unique constraints and indexes. */
  public TableDef createTable(String schema, String name, List<ColumnDef> columns,
      PartitionSpec partitioning, List<String> distribution, List<IndexDef> indexes) {
    return createTable(schema, name, columns, partitioning, distribution, indexes, null);
  }

  /**
   * Creates a table; inside a transaction block with catalog changes (block not null), as one
   * of them: readable to the block at once, gone again if the block does not commit.
   */
  public TableDef createTable(String schema, String name, List<ColumnDef> columns,
      PartitionSpec partitioning, List<String> distribution, List<IndexDef> indexes,
      StorageTransaction block) {
    SchemaChange change = block == null ? null : block.schemaChange();
    lockCommits();
    try {
      checkWritable();
      publishEverything();
      TableDef table = catalog.createTable(schema, name, columns, partitioning, distribution,
          indexes);
      TableStorage storage = TableStorage.open(table, tableDirectory(table.id()), segmentWriters);
      tables.put(table.id(), storage);
      head = head.with(head.lsn(), Map.of(table.id(), storage.head()));
      snapshots.publish(head);
      if (change != null) {
        change.created(table.id());
        block.adopt(table.id(), storage.head());
      }
      return table;
    } finally {
      commitLock.unlock();
    }
  }

  /**
   * Changes how a table is partitioned and distributed. Rows written from now on follow the
   * new layout; {@link #deleteCommitted} and a re-insert move the existing ones.
   */
  public TableDef changeLayout(TableDef table, PartitionSpec partitioning,
      List<String> distribution) {
    return redefine(table, current -> {
      TableDef changed = current.withLayout(partitioning, distribution);
      catalog.replaceTable(changed);
      return changed;
    });
  }

  /** Changes the DEFAULT expressions of a table's columns, which only the catalog holds. */
  public TableDef changeDefaults(TableDef table, List<ColumnDef> columns) {
    return redefine(table, current -> {
      TableDef changed = new TableDef(current.id(), current.schema(), current.name(), columns,
          current.partitioning(), current.distribution(), current.indexes());
      catalog.replaceTable(changed);
      return changed;
    });
  }

  /** Renames a table; its data stays where it is (files are named by the table's id). */
  public TableDef renameTable(TableDef table, String newName) {
    return redefine(table, current -> {
      TableDef changed = current.withName(newName);
      catalog.replaceTable(changed);
      return changed;
    });
  }

  /** Renames a table's column; segments hold columns by position, not by name. */
  public TableDef renameColumn(TableDef table, String column, String newName) {
    return redefine(table, current -> catalog.renameColumn(current, column, newName));
  }

  /**
   * Changes a table's definition in the catalog (same columns and types) and in its storage,
   * with no commit in between, and publishes the change.
   */
  private TableDef redefine(TableDef table, UnaryOperator<TableDef> recordInCatalog) {
    lockCommits();
    try {
      checkWritable();
      publishEverything();
      TableStorage storage = tables.get(table.id());
      if (storage == null) {
        throw new ExaException(SqlState.UNDEFINED_TABLE,
            "relation \"" + table.name() + "\" does not exist");
      }
      TableDef changed = recordInCatalog.apply(storage.table());
      storage.redefine(changed);
      head = head.with(head.lsn(), Map.of(table.id(), storage.head()));
      snapshots.publish(head);
      return changed;
    } finally {
      commitLock.unlock();
    }
  }

  /** Takes the commit lock, charging the time spent waiting for it to the thread. */
  private void lockCommits() {
    if (!commitLock.tryLock()) {
      long start = System.nanoTime();
      commitLock.lock();
      Waits.add(Waits.Kind.LOCK, System.nanoTime() - start);
    }
  }

  /** Tells the listener the length of every fsync of the write-ahead log for commits. */
  public void onWalSync(LongConsumer listener) {
    wal.onSync(listener);
  }

  public void dropTable(TableDef table) {
    dropTable(table, null);
  }

  /**
   * Drops a table; inside a transaction block with catalog changes (block not null), as one of
   * them: gone from the catalog at once, its storage kept until the block commits.
   */
  public void dropTable(TableDef table, StorageTransaction block) {
    SchemaChange change = block == null ? null : block.schemaChange();
    lockCommits();
    try {
      checkWritable();
      publishEverything();
      catalog.dropTable(table);
      if (change != null) {
        change.dropped(table.id());
      } else {
        retire(table.id());
      }
    } finally {
      commitLock.unlock();
    }
    collectGarbage();
  }

  /** Removes a dropped table's storage; its files go once no snapshot reads them. */
  private void retire(long tableId) {
    statistics.remove(tableId);
    TableStorage storage = tables.remove(tableId);
    head = head.without(tableId);
    snapshots.publish(head);
    if (storage != null) {
      synchronized (dropped) {
        dropped.add(new Dropped(storage, head.sequence()));
      }
    }
  }

  // ---------------------------------------------------------------- catalog changes

  /**
   * Takes the schema lock for one statement's catalog changes, waiting while a transaction
   * block holds it; canceled tells, while waiting, whether to give up (and why).
   */
  public void lockSchema(Supplier<ExaException> canceled) {
    Waits.acquire(schemaLock, Waits.Kind.LOCK, canceled, "the schema lock");
  }

  public void unlockSchema() {
    schemaLock.release();
  }

  /**
   * Lets a transaction block change the catalog: takes the schema lock until the block ends
   * and journals the catalog as it is now. Nothing to do when the block already holds it.
   */
  public void beginSchemaChange(StorageTransaction block, Supplier<ExaException> canceled) {
    if (block.schemaChange() != null) {
      return;
    }
    lockSchema(canceled);
    try {
      checkWritable();
      long id = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
      SchemaChange change = new SchemaChange(CatalogJournal.write(
          dataDirectory.resolve("catalog"), id, catalog.image(), access.image()));
      block.attach(change, () -> undo(change));
      openSchemaChange = change;
    } catch (RuntimeException e) {
      schemaLock.release();
      throw e;
    }
  }

  /**
   * Where ROLLBACK TO SAVEPOINT returns a transaction to: its rows, and for a block with
   * catalog changes, the catalog then (null images: as the journal holds it).
   */
  public record Savepoint(StorageTransaction.RowsMark rows, byte[] catalogImage,
      byte[] accessImage, List<Long> created, List<Long> dropped) {
  }

  public Savepoint savepoint(StorageTransaction transaction) {
    SchemaChange change = transaction.schemaChange();
    if (change == null) {
      return new Savepoint(transaction.markRows(), null, null, List.of(), List.of());
    }
    return new Savepoint(transaction.markRows(), catalog.image(), access.image(),
        change.createdTables(), change.droppedTables());
  }

  /** Undoes a transaction's row and catalog changes since the savepoint; it goes on. */
  public void rollbackTo(StorageTransaction transaction, Savepoint savepoint) {
    SchemaChange change = transaction.schemaChange();
    if (change != null) {
      List<Long> gone = new ArrayList<>(change.createdTables());
      gone.removeAll(savepoint.created());
      lockCommits();
      try {
        restoreCatalog(savepoint.catalogImage() != null ? savepoint.catalogImage()
            : change.journal().catalogImage(), savepoint.accessImage() != null
            ? savepoint.accessImage() : change.journal().accessImage(), gone);
      } catch (RuntimeException e) {
        failure = ExaException.wrap(e);
        throw failure;
      } finally {
        commitLock.unlock();
      }
      change.retain(savepoint.created(), savepoint.dropped());
      gone.forEach(transaction::forgetTable);
      collectGarbage();
    }
    transaction.rollbackRows(savepoint.rows());
  }

  /**
   * Puts catalog images back and removes the storage of the tables created since; under the
   * commit lock.
   */
  private void restoreCatalog(byte[] catalogImage, byte[] accessImage, List<Long> created) {
    catalog.restore(catalogImage);
    access.restore(accessImage);
    for (long id : created) {
      retire(id);
    }
    Map<Long, TableSnapshot> changed = new HashMap<>();
    for (TableStorage storage : tables.values()) {
      TableDef restored = catalog.table(storage.table().id());
      if (restored != null && !restored.equals(storage.table())) {
        storage.redefine(restored);
        changed.put(restored.id(), storage.head());
      }
    }
    head = head.with(head.lsn(), changed);
    snapshots.publish(head);
  }

  /** Puts the journaled catalog back: a block with catalog changes did not commit. */
  private void undo(SchemaChange change) {
    lockCommits();
    try {
      restoreCatalog(change.journal().catalogImage(), change.journal().accessImage(),
          change.createdTables());
      change.journal().delete();
    } catch (RuntimeException e) {
      // The journal stays; the next start puts the catalog back.
      failure = ExaException.wrap(e);
      throw failure;
    } finally {
      commitLock.unlock();
      openSchemaChange = null;
      schemaLock.release();
    }
    collectGarbage();
  }

  // ---------------------------------------------------------------- transactions

  public StorageTransaction begin() {
    return new StorageTransaction(snapshots);
  }

  public TableStore tableStore(StorageTransaction transaction) {
    return new TransactionTableStore(tables::get, transaction, this::checkConflicts,
        chunkCache, decodedChunkCache, statistics);
  }

  private void checkConflicts(StorageTransaction transaction, long tableId,
      Map<Long, RoaringBitmap> deletes) {
    TableStorage table = tables.get(tableId);
    if (table == null) {
      throw new ExaException(SqlState.UNDEFINED_TABLE, "the table was dropped");
    }
    table.checkConflicts(table.translate(deletes), transaction.table(tableId));
  }

  /** Deletes every row of a table the transaction sees (TRUNCATE); returns how many. */
  public long truncate(StorageTransaction transaction, long tableId) {
    return deleteAll(transaction, tableId, true);
  }

  /**
   * Deletes every row the transaction sees in containers committed before it, but none it
   * inserted itself: what is left after a table's rows were re-inserted in a new layout.
   */
  public long deleteCommitted(StorageTransaction transaction, long tableId) {
    return deleteAll(transaction, tableId, false);
  }

  private long deleteAll(StorageTransaction transaction, long tableId, boolean ownRows) {
    TableSnapshot snapshot = transaction.table(tableId);
    if (snapshot == null || tables.get(tableId) == null) {
      throw new ExaException(SqlState.UNDEFINED_TABLE, "the table does not exist");
    }
    List<SegmentRef> containers = new ArrayList<>(snapshot.segments());
    PendingWrites pending = transaction.pending(tableId);
    if (pending != null && ownRows) {
      containers.addAll(pending.containers());
    }
    Map<Long, RoaringBitmap> seen = transaction.deletes(tableId);
    Map<Long, RoaringBitmap> all = new LinkedHashMap<>();
    Map<Long, RoaringBitmap> committed = new LinkedHashMap<>();
    long rows = 0;
    for (SegmentRef segment : containers) {
      RoaringBitmap positions = new RoaringBitmap();
      positions.add(0L, segment.rowCount());
      RoaringBitmap before = snapshot.deletes(segment.id());
      if (before != null) {
        positions.andNot(before);
      }
      RoaringBitmap own = seen.get(segment.id());
      if (own != null) {
        positions.andNot(own);
      }
      if (positions.isEmpty()) {
        continue;
      }
      rows += positions.getLongCardinality();
      all.put(segment.id(), positions);
      if (pending == null || !pending.owns(segment.id())) {
        committed.put(segment.id(), positions);
      }
    }
    if (!committed.isEmpty()) {
      checkConflicts(transaction, tableId, committed);
    }
    transaction.addDeletes(tableId, all);
    return rows;
  }

  /**
   * Makes a transaction's changes durable and visible, then ends it. Fails with 40001, and
   * changes nothing, if it deletes rows deleted by a commit after its snapshot.
   */
  public void commit(StorageTransaction transaction) {
    SchemaChange change = transaction.schemaChange();
    try {
      if (change == null) {
        commitChanges(transaction);
      } else {
        commitSchemaChange(transaction, change);
      }
    } finally {
      transaction.end();
    }
    if (wal.bytesSinceRotation() > options.checkpointWalBytes() || hasSealedBuffers()) {
      checkpoint();
    }
  }

  /** One table's changes, prepared before the commit lock is taken. */
  private record Prepared(TableStorage table, CommitRecord.TableWrite write,
      List<SegmentFile> files, Map<Long, RoaringBitmap> committedDeletes) {
  }

  /**
   * Commits a block with catalog changes: its commit record, naming the journal, is made
   * durable and the journal removed under the commit lock, so that no checkpoint can drop the
   * record from the log while the journal still exists.
   */
  private void commitSchemaChange(StorageTransaction transaction, SchemaChange change) {
    lockCommits();
    try {
      logDurably(transaction, change.journal().id());
      for (long id : change.droppedTables()) {
        retire(id);
      }
      change.journal().delete();
    } finally {
      commitLock.unlock();
      // a rollback (the commit record could not be logged) has released it already
      if (transaction.schemaChange() != null) {
        openSchemaChange = null;
        schemaLock.release();
      }
    }
    collectGarbage();
  }

  private void commitChanges(StorageTransaction transaction) {
    if (transaction.hasChanges()) {
      logDurably(transaction, 0);
    }
  }

  /**
   * Logs a transaction's commit record, waits until it is durable and publishes it; a
   * transaction whose record cannot be logged is rolled back (unless the engine failed).
   */
  private void logDurably(StorageTransaction transaction, long journalId) {
    long lsn;
    try {
      lsn = log(transaction, journalId);
    } catch (RuntimeException e) {
      if (failure == null) {
        transaction.rollback();
      }
      throw e;
    }
    try {
      wal.sync(lsn);
    } catch (ExaException e) {
      failure = e;
      throw e;
    }
    publishUpTo(lsn);
  }

  /**
   * Validates a transaction, appends its commit record (for a block with catalog changes, one
   * naming its journal) and applies it to the heads; returns the record's LSN. If this throws,
   * nothing changed, unless the engine is failed.
   */
  private long log(StorageTransaction transaction, long journalId) {
    checkWritable();
    List<Prepared> prepared = new ArrayList<>();
    SchemaChange open = openSchemaChange;
    for (long tableId : transaction.tablesChanged()) {
      TableStorage table = tables.get(tableId);
      if (table == null) {
        throw new ExaException(SqlState.UNDEFINED_TABLE,
            "a table this transaction changed was dropped");
      }
      if (open != null && open != transaction.schemaChange() && open.isCreated(tableId)) {
        throw new ExaException(SqlState.SERIALIZATION_FAILURE, "could not serialize access:"
            + " table \"" + table.table().name() + "\" was created by a transaction that"
            + " has not committed");
      }
      prepared.add(prepare(table, transaction));
    }
    lockCommits();
    try {
      checkWritable();
      List<CommitRecord.TableWrite> writes = new ArrayList<>();
      for (Prepared part : prepared) {
        CommitRecord.TableWrite write = part.write();
        if (!part.committedDeletes().isEmpty()) {
          Map<Long, RoaringBitmap> deletes = part.table().translate(part.committedDeletes());
          part.table().checkConflicts(deletes, transaction.table(part.table().table().id()));
          write = write.withDeletes(deletes);
        }
        if (write.rowCount() > 0) {
          write = write.at(part.table().openBufferId(), part.table().openBufferRows());
        }
        writes.add(write);
      }
      long lsn;
      try {
        byte[] record = new CommitRecord(writes).encode();
        lsn = journalId == 0 ? wal.append(WalRecord.COMMIT, record)
            : wal.append(WalRecord.SCHEMA_COMMIT, new ByteWriter(Long.BYTES + record.length)
                .u64(journalId).bytes(record).toByteArray());
      } catch (ExaException e) {
        failure = e;
        throw e;
      }
      long sequence = head.sequence() + 1;
      Map<Long, TableSnapshot> changed = new HashMap<>();
      try {
        for (int k = 0; k < prepared.size(); k++) {
          Prepared part = prepared.get(k);
          part.table().apply(writes.get(k), part.files(), sequence);
          changed.put(part.table().table().id(), part.table().head());
        }
      } catch (RuntimeException e) {
        failure = ExaException.wrap(e);
        throw failure;
      }
      head = head.with(lsn, changed);
      unpublished.put(lsn, head);
      return lsn;
    } finally {
      commitLock.unlock();
    }
  }

  /** Splits a transaction's changes to one table into what the commit record says. */
  private static Prepared prepare(TableStorage table, StorageTransaction transaction) {
    long tableId = table.table().id();
    PendingWrites pending = transaction.pending(tableId);
    Map<Long, RoaringBitmap> deletes = transaction.deletes(tableId);
    List<CommitRecord.NewSegment> segments = new ArrayList<>();
    List<SegmentFile> files = new ArrayList<>();
    ColumnData[] rows = new ColumnData[0];
    if (pending != null) {
      pending.prepareCommit();
      for (SegmentRef segment : pending.segments()) {
        segments.add(new CommitRecord.NewSegment(segment.id(),
            segment.file().path().getFileName().toString(), deletes.remove(segment.id())));
        files.add(segment.file());
      }
      rows = liveRows(pending.view(), deletes.remove(pending.bufferId()));
    }
    if (rows.length > 0 && rows[0].size() == 0) {
      rows = new ColumnData[0];
    }
    byte[] encoded = CommitRecord.encodeRows(rows);
    CommitRecord.TableWrite write = new CommitRecord.TableWrite(tableId, segments, -1, 0, rows,
        encoded, deletes);
    return new Prepared(table, write, files, deletes);
  }

  /** The buffered rows without those the transaction deleted again. */
  private static ColumnData[] liveRows(ColumnData[] rows, RoaringBitmap deleted) {
    if (deleted == null || deleted.isEmpty() || rows.length == 0) {
      return rows;
    }
    int count = rows[0].size();
    ColumnData[] live = new ColumnData[rows.length];
    for (int c = 0; c < rows.length; c++) {
      ColumnBuffer buffer = new ColumnBuffer(rows[c].type());
      int from = 0;
      for (int position : deleted) {
        if (position >= count) {
          break;
        }
        if (position > from) {
          buffer.append(rows[c], from, position - from);
        }
        from = position + 1;
      }
      if (from < count) {
        buffer.append(rows[c], from, count - from);
      }
      live[c] = buffer.view();
    }
    return live;
  }

  private void publishUpTo(long lsn) {
    Map.Entry<Long, DatabaseSnapshot> newest = unpublished.floorEntry(lsn);
    if (newest != null) {
      snapshots.publish(newest.getValue());
      unpublished.headMap(lsn, true).clear();
    }
  }

  /** Waits until every logged commit is durable and published; under the commit lock. */
  private void publishEverything() {
    long last = wal.lastLsn();
    if (last > 0 && !unpublished.isEmpty()) {
      try {
        wal.sync(last);
      } catch (ExaException e) {
        failure = e;
        throw e;
      }
    }
    publishUpTo(last);
  }

  private boolean hasSealedBuffers() {
    for (TableStorage table : tables.values()) {
      if (table.hasSealedBuffers()) {
        return true;
      }
    }
    return false;
  }

  private void checkWritable() {
    ExaException error = failure;
    if (error != null) {
      throw new ExaException(SqlState.IO_ERROR,
          "storage refuses writes after a failed log write: " + error.getMessage(), error);
    }
  }

  /**
   * Merges small segments and purges deleted rows of one table until nothing is worth doing;
   * readers and writers go on meanwhile. Returns how many segments were rewritten.
   */
  public int compact(long tableId) {
    int rewritten = 0;
    while (true) {
      TableStorage table = tables.get(tableId);
      if (table == null || failure != null) {
        return rewritten;
      }
      DatabaseSnapshot snapshot = snapshots.pin();
      try {
        TableSnapshot seen = snapshot.table(tableId);
        TableStorage.CompactionPlan plan = seen == null ? null
            : TableStorage.planCompaction(seen);
        if (plan == null || !compact(table, plan)) {
          return rewritten;
        }
        rewritten += plan.segments().size();
      } finally {
        snapshots.unpin(snapshot);
      }
    }
  }

  /** Runs one compaction; false if its segments went meanwhile. */
  private boolean compact(TableStorage table, TableStorage.CompactionPlan plan) {
    ColumnData[] merged = Compactor.liveRows(table.table(), plan);
    long newId = table.allocateSegmentId();
    SegmentFile file = table.writeSegment(newId, merged, 0, plan.liveRows());
    long lsn;
    lockCommits();
    try {
      if (failure != null || !table.stillLive(plan)) {
        file.close();
        DurableFiles.deleteQuietly(file.path());
        return false;
      }
      CompactionRecord record = new CompactionRecord(table.table().id(),
          plan.segments().stream().map(SegmentRef::id).toList(), newId,
          file.path().getFileName().toString(), table.racedDeletes(plan));
      try {
        lsn = wal.append(WalRecord.COMPACTION, record.encode());
      } catch (ExaException e) {
        failure = e;
        throw e;
      }
      long sequence = head.sequence() + 1;
      table.applyCompaction(record, file, plan, sequence);
      head = head.with(lsn, Map.of(table.table().id(), table.head()));
      unpublished.put(lsn, head);
    } finally {
      commitLock.unlock();
    }
    try {
      wal.sync(lsn);
    } catch (ExaException e) {
      failure = e;
      throw e;
    }
    publishUpTo(lsn);
    return true;
  }

  private void startCompactor() {
    long interval = options.compactionIntervalMillis();
    if (interval <= 0) {
      return;
    }
    compactor = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "exapg-compactor");
      thread.setDaemon(true);
      return thread;
    });
    compactor.scheduleWithFixedDelay(this::compactAll, interval, interval,
        TimeUnit.MILLISECONDS);
  }

  /** One background round over every table; a failure is logged and retried next round. */
  private void compactAll() {
    try {
      statistics.flush();
    } catch (RuntimeException e) {
      LOG.warn("cannot write the table statistics: {}", e.getMessage());
    }
    for (long tableId : tableIds()) {
      try {
        int rewritten = compact(tableId);
        if (rewritten > 0) {
          LOG.debug("compacted {} segments of table {}", rewritten, tableId);
        }
      } catch (RuntimeException e) {
        LOG.warn("compaction of table {} failed", tableId, e);
      }
    }
  }

  /** The ids of every table. */
  public List<Long> tableIds() {
    return new ArrayList<>(tables.keySet());
  }

  /** Writes every table's buffered rows to segments, then starts a new, empty log. */
  public void checkpoint() {
    statistics.flush();
    for (TableStorage table : tables.values()) {
      table.writeSealedBuffers();
    }
    lockCommits();
    try {
      publishEverything();
      long lsn = wal.lastLsn();
      long sequence = head.sequence() + 1;
      Map<Long, TableSnapshot> changed = new HashMap<>();
      for (TableStorage table : tables.values()) {
        table.checkpoint(lsn, sequence);
        changed.put(table.table().id(), table.head());
      }
      wal.rotateAndDeleteOld();
      head = head.with(lsn, changed);
      snapshots.publish(head);
    } finally {
      commitLock.unlock();
    }
    collectGarbage();
  }

  /** Deletes files of retired segments and dropped tables no snapshot can read any more. */
  public void collectGarbage() {
    long horizon = snapshots.horizon();
    for (TableStorage table : tables.values()) {
      table.collectGarbage(horizon);
    }
    synchronized (dropped) {
      Iterator<Dropped> it = dropped.iterator();
      while (it.hasNext()) {
        Dropped entry = it.next();
        if (entry.sequence() <= horizon) {
          entry.storage().close();
          DurableFiles.deleteRecursively(entry.storage().directory());
          DurableFiles.syncDirectory(tablesDirectory());
          it.remove();
        }
      }
    }
  }

  @Override
  public void close() {
    if (compactor != null) {
      compactor.shutdown();
      try {
        compactor.awaitTermination(1, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      if (failure == null) {
        checkpoint();
      }
    } finally {
      segmentWriters.shutdownNow();
      wal.close();
      for (TableStorage table : tables.values()) {
        table.close();
      }
      synchronized (dropped) {
        for (Dropped entry : dropped) {
          entry.storage().close();
        }
      }
      directoryLock.close();
    }
  }
}
