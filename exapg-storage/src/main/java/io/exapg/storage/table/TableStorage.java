package io.exapg.storage.table;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.storage.catalog.TableDef;
import io.exapg.storage.format.ColumnBuffer;
import io.exapg.storage.format.ColumnData;
import io.exapg.storage.format.DeleteBitmaps;
import io.exapg.storage.format.SegmentFile;
import io.exapg.storage.format.SegmentWriter;
import io.exapg.storage.io.DurableFiles;
import io.exapg.storage.wal.CommitRecord;
import io.exapg.storage.wal.CompactionRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.roaringbitmap.RoaringBitmap;

/**
 * One table's data on this node, as of the newest commit (the head): segment files, sealed
 * insert buffers not yet written out, the open insert buffer, and the deleted positions of
 * each. The storage engine changes the head in log order under its commit lock and publishes
 * immutable {@link TableSnapshot}s of it; nothing here is read by queries directly.
 */
public final class TableStorage implements AutoCloseable {
  /** Rows an insert buffer takes before it is sealed and written out as a segment. */
  public static final int FLUSH_ROWS = 16 * SegmentWriter.ROW_GROUP_ROWS;

  /** A container no longer in the head, kept until no snapshot can read it. */
  private record Retired(SegmentRef segment, long sequence, boolean persisted) {
  }

  /**
   * Where the rows of a compacted container went: live row p is now row base + (rank of p
   * among live) of container newId. Kept while transactions that saw the old container run.
   */
  private record Forward(long newId, int base, RoaringBitmap live, long sequence) {
  }

  private volatile TableDef table;
  private final Path directory;
  private final Executor segmentWriters;
  private final AtomicLong nextSegmentId = new AtomicLong(1);
  private final LinkedHashMap<Long, SegmentRef> sealed = new LinkedHashMap<>();
  private final Map<Long, RoaringBitmap> deletes = new HashMap<>();
  private final Map<Long, SegmentFile> writtenAhead = new HashMap<>();
  private final List<Retired> retired = new ArrayList<>();
  private final Map<Long, Forward> forwards = new HashMap<>();
  /**
   * The files the manifest read at open names, and those the log records replayed since name:
   * durable state until the next manifest, since a crash before it replays the log again.
   */
  private final Set<String> manifestFiles = new HashSet<>();
  private ColumnBuffer[] open;
  private long openId = -1;
  private long appliedLsn;
  private long manifestVersion;

  private TableStorage(TableDef table, Path directory, Executor segmentWriters) {
    this.table = table;
    this.directory = directory;
    this.segmentWriters = segmentWriters;
  }

  private ColumnBuffer[] newBuffer() {
    ColumnBuffer[] columns = new ColumnBuffer[table.columns().size()];
    for (int c = 0; c < columns.length; c++) {
      columns[c] = new ColumnBuffer(table.columns().get(c).type());
    }
    return columns;
  }

  /**
   * Opens a table's directory (creating it if missing) at the state of its manifest.
   *
   * @param segmentWriters runs the writing of large pending buffers in the background
   */
  public static TableStorage open(TableDef table, Path directory, Executor segmentWriters) {
    DurableFiles.createDirectories(directory);
    TableStorage storage = new TableStorage(table, directory, segmentWriters);
    Manifest manifest = Manifest.load(directory);
    storage.appliedLsn = manifest.appliedLsn();
    storage.manifestVersion = manifest.version();
    storage.nextSegmentId.set(manifest.nextSegmentId());
    for (Manifest.Entry entry : manifest.segments()) {
      SegmentFile file = storage.openSegment(entry.file());
      if (file.meta().rowCount() != entry.rows()) {
        file.close();
        throw new ExaException(SqlState.DATA_CORRUPTED, "segment file " + entry.file()
            + " of table " + table.qualifiedName() + " does not have the rows its manifest"
            + " names");
      }
      storage.sealed.put(entry.id(), SegmentRef.ofFile(entry.id(), file));
      storage.manifestFiles.add(entry.file());
      if (entry.deletes() != null && !entry.deletes().isEmpty()) {
        storage.deletes.put(entry.id(), entry.deletes());
      }
      storage.reserveId(entry.id());
    }
    return storage;
  }

  private SegmentFile openSegment(String name) {
    Path file = directory.resolve(name);
    if (!Files.exists(file)) {
      throw new ExaException(SqlState.DATA_CORRUPTED,
          "segment file " + file + " of table " + table.qualifiedName() + " is missing");
    }
    SegmentFile segment = SegmentFile.open(file);
    if (!segment.meta().types().equals(table.columnTypes())) {
      segment.close();
      throw new ExaException(SqlState.DATA_CORRUPTED,
          "segment file " + file + " does not match the columns of " + table.qualifiedName());
    }
    return segment;
  }

  private void reserveId(long id) {
    nextSegmentId.accumulateAndGet(id + 1, Math::max);
  }

  public TableDef table() {
    return table;
  }

  /** Takes a changed definition (name, column names, layout) of the same column types. */
  public synchronized void redefine(TableDef changed) {
    table = changed;
  }

  public Path directory() {
    return directory;
  }

  public long appliedLsn() {
    return appliedLsn;
  }

  /** A fresh container id; ids are never reused within a table. */
  public long allocateSegmentId() {
    return nextSegmentId.getAndIncrement();
  }

  public static String segmentFileName(long id) {
    return String.format("%010d.seg", id);
  }

  /**
   * Writes rows [from, from + count) as the segment file of container id, durably: to a
   * temporary name first, so that a leftover of an interrupted write is simply replaced.
   */
  public SegmentFile writeSegment(long id, ColumnData[] columns, int from, int count) {
    Path file = directory.resolve(segmentFileName(id));
    Path temporary = directory.resolve(segmentFileName(id) + ".tmp");
    try {
      Files.deleteIfExists(temporary);
      SegmentWriter.write(temporary, table.columnTypes(), columns, from, count);
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw DurableFiles.ioError("cannot write segment " + file, e);
    }
    DurableFiles.syncDirectory(directory);
    return SegmentFile.open(file);
  }

  /** Writes a segment file on a background thread. */
  CompletableFuture<SegmentFile> writeSegmentInBackground(long id, ColumnData[] columns) {
    int count = columns.length == 0 ? 0 : columns[0].size();
    return CompletableFuture.supplyAsync(() -> writeSegment(id, columns, 0, count),
        segmentWriters);
  }

  /** The head as an immutable snapshot. */
  public synchronized TableSnapshot head() {
    List<SegmentRef> segments = new ArrayList<>(sealed.values());
    if (open != null && open[0].size() > 0) {
      segments.add(SegmentRef.inMemory(openId, view(open)));
    }
    Map<Long, RoaringBitmap> visible = new HashMap<>(deletes);
    return new TableSnapshot(table, segments, visible);
  }

  private static ColumnData[] view(ColumnBuffer[] buffer) {
    ColumnData[] view = new ColumnData[buffer.length];
    for (int c = 0; c < buffer.length; c++) {
      view[c] = buffer[c].view();
    }
    return view;
  }

  /** Where the next commit's buffered rows go: the open buffer, opened if there is none. */
  public synchronized long openBufferId() {
    if (openId < 0) {
      openId = allocateSegmentId();
      open = newBuffer();
    }
    return openId;
  }

  public synchronized int openBufferRows() {
    return open == null || open.length == 0 ? 0 : open[0].size();
  }

  /**
   * Fails with 40001 if a row this transaction deletes was deleted (or updated) by a commit
   * after the transaction's snapshot was taken.
   *
   * @param mine deleted positions by container, all of containers committed before
   */
  public synchronized void checkConflicts(Map<Long, RoaringBitmap> mine, TableSnapshot seen) {
    for (Map.Entry<Long, RoaringBitmap> entry : mine.entrySet()) {
      long id = entry.getKey();
      if (!sealed.containsKey(id) && id != openId) {
        throw concurrentUpdate();
      }
      RoaringBitmap now = deletes.get(id);
      if (now == null) {
        continue;
      }
      RoaringBitmap then = seen == null ? null : seen.deletes(id);
      RoaringBitmap concurrent = then == null ? now : RoaringBitmap.andNot(now, then);
      if (RoaringBitmap.intersects(concurrent, entry.getValue())) {
        throw concurrentUpdate();
      }
    }
  }

  /**
   * A transaction's deletes in containers committed before, with compacted containers
   * replaced by the ones their rows went to; 40001 if a row was deleted before that.
   */
  public synchronized Map<Long, RoaringBitmap> translate(Map<Long, RoaringBitmap> mine) {
    Map<Long, RoaringBitmap> translated = new HashMap<>();
    for (Map.Entry<Long, RoaringBitmap> entry : mine.entrySet()) {
      long id = entry.getKey();
      RoaringBitmap positions = entry.getValue();
      Forward forward;
      while (!sealed.containsKey(id) && id != openId && (forward = forwards.get(id)) != null) {
        RoaringBitmap moved = new RoaringBitmap();
        for (int position : positions) {
          if (!forward.live().contains(position)) {
            throw concurrentUpdate();
          }
          moved.add(forward.base() + (int) forward.live().rank(position) - 1);
        }
        id = forward.newId();
        positions = moved;
      }
      translated.merge(id, positions, (a, b) -> RoaringBitmap.or(a, b));
    }
    return translated;
  }

  /** Segments worth merging, as a snapshot sees them, with their live rows. */
  public record CompactionPlan(List<SegmentRef> segments, Map<Long, RoaringBitmap> deletes,
      int liveRows) {
  }

  /**
   * The first run of segment files worth rewriting: small ones merged together, or ones with
   * many deleted rows purged; at most a segment's worth of rows; of a partitioned table only
   * segments of one partition. Null when there is none.
   */
  public static CompactionPlan planCompaction(TableSnapshot snapshot) {
    TableDef table = snapshot.table();
    if (table.partitioning() == null) {
      return planCompaction(snapshot, snapshot.segments());
    }
    PartitionKeys keys = new PartitionKeys(table);
    int column = table.partitionColumn();
    Map<Long, List<SegmentRef>> byPartition = new LinkedHashMap<>();
    List<List<SegmentRef>> candidates = new ArrayList<>();
    for (SegmentRef segment : snapshot.segments()) {
      if (segment.inMemory()) {
        continue;
      }
      Long key = keys.keyOf(segment.file().zone(column));
      if (key == null) {
        candidates.add(List.of(segment));
      } else {
        byPartition.computeIfAbsent(key, k -> new ArrayList<>()).add(segment);
      }
    }
    candidates.addAll(byPartition.values());
    for (List<SegmentRef> segments : candidates) {
      CompactionPlan plan = planCompaction(snapshot, segments);
      if (plan != null) {
        return plan;
      }
    }
    return null;
  }

  private static CompactionPlan planCompaction(TableSnapshot snapshot,
      List<SegmentRef> segments) {
    List<SegmentRef> group = new ArrayList<>();
    Map<Long, RoaringBitmap> groupDeletes = new HashMap<>();
    int live = 0;
    boolean purges = false;
    for (SegmentRef segment : segments) {
      RoaringBitmap deleted = snapshot.deletes(segment.id());
      int segmentLive = segment.rowCount()
          - (deleted == null ? 0 : deleted.getCardinality());
      boolean small = segment.rowCount() < FLUSH_ROWS / 2;
      boolean holey = deleted != null && deleted.getCardinality() * 5L >= segment.rowCount();
      if (segment.inMemory() || !(small || holey) || live + segmentLive > FLUSH_ROWS) {
        if (group.size() >= 2 || purges) {
          break;
        }
        group.clear();
        groupDeletes.clear();
        live = 0;
        purges = false;
        if (segment.inMemory() || !(small || holey)) {
          continue;
        }
      }
      group.add(segment);
      if (deleted != null) {
        groupDeletes.put(segment.id(), deleted);
      }
      live += segmentLive;
      purges |= holey;
    }
    return group.size() >= 2 || purges
        ? new CompactionPlan(group, groupDeletes, live) : null;
  }

  /**
   * Whether every segment of a plan is still in the head; a compaction whose inputs went
   * (all their rows deleted) is dropped.
   */
  public synchronized boolean stillLive(CompactionPlan plan) {
    for (SegmentRef segment : plan.segments()) {
      if (!sealed.containsKey(segment.id())) {
        return false;
      }
    }
    return true;
  }

  /**
   * The rows deleted since a compaction's snapshot from the segments it merges, as positions
   * of the merged segment.
   */
  public synchronized RoaringBitmap racedDeletes(CompactionPlan plan) {
    RoaringBitmap raced = new RoaringBitmap();
    int base = 0;
    for (SegmentRef segment : plan.segments()) {
      RoaringBitmap then = plan.deletes().get(segment.id());
      RoaringBitmap now = deletes.get(segment.id());
      RoaringBitmap live = liveRows(segment, then);
      if (now != null) {
        RoaringBitmap added = then == null ? now : RoaringBitmap.andNot(now, then);
        for (int position : added) {
          raced.add(base + (int) live.rank(position) - 1);
        }
      }
      base += live.getCardinality();
    }
    return raced;
  }

  private static RoaringBitmap liveRows(SegmentRef segment, RoaringBitmap deleted) {
    RoaringBitmap live = new RoaringBitmap();
    live.add(0L, segment.rowCount());
    if (deleted != null) {
      live.andNot(deleted);
    }
    return live;
  }

  /**
   * Replaces merged segments by their merged file, in log order.
   *
   * @param file the merged file, or null to open it by name (replay)
   * @param plan what the compaction saw, to forward deletes of running transactions; null
   *     in replay, when there are none
   */
  public synchronized void applyCompaction(CompactionRecord record, SegmentFile file,
      CompactionPlan plan, long sequence) {
    int base = 0;
    for (long id : record.removed()) {
      SegmentRef segment = sealed.remove(id);
      deletes.remove(id);
      if (segment != null) {
        retired.add(new Retired(segment, sequence, false));
        if (plan != null) {
          RoaringBitmap live = liveRows(segment, plan.deletes().get(id));
          forwards.put(id, new Forward(record.newId(), base, live, sequence));
          base += live.getCardinality();
        }
      }
    }
    if (file == null) {
      manifestFiles.add(record.file());
    }
    SegmentFile merged = file != null ? file : openSegment(record.file());
    sealed.put(record.newId(), SegmentRef.ofFile(record.newId(), merged));
    reserveId(record.newId());
    if (record.deletes() != null && !record.deletes().isEmpty()) {
      deletes.put(record.newId(), record.deletes());
      retireIfEmpty(record.newId(), sequence);
    }
  }

  private static ExaException concurrentUpdate() {
    return new ExaException(SqlState.SERIALIZATION_FAILURE,
        "could not serialize access due to concurrent update");
  }

  /**
   * Applies one table's part of a committed transaction to the head, in log order.
   *
   * @param files the new segments' files, opened, or null to open them by name (replay)
   * @param sequence the sequence of the snapshot that will first show this change
   */
  public synchronized void apply(CommitRecord.TableWrite write, List<SegmentFile> files,
      long sequence) {
    for (int k = 0; k < write.segments().size(); k++) {
      CommitRecord.NewSegment segment = write.segments().get(k);
      if (files == null) {
        manifestFiles.add(segment.file());
      }
      SegmentFile file = files != null ? files.get(k) : openSegment(segment.file());
      sealed.put(segment.id(), SegmentRef.ofFile(segment.id(), file));
      reserveId(segment.id());
      if (segment.deletes() != null && !segment.deletes().isEmpty()) {
        deletes.put(segment.id(), segment.deletes());
        retireIfEmpty(segment.id(), sequence);
      }
    }
    int count = write.rowCount();
    if (count > 0) {
      if (write.bufferId() != openId) {
        sealOpen();
        openId = write.bufferId();
        open = newBuffer();
        reserveId(openId);
      }
      if (write.bufferPosition() != open[0].size()) {
        throw new ExaException(SqlState.DATA_CORRUPTED, "commit record for table "
            + table.qualifiedName() + " appends at row " + write.bufferPosition()
            + " of buffer " + openId + ", which has " + open[0].size());
      }
      for (int c = 0; c < open.length; c++) {
        open[c].append(write.rows()[c], 0, count);
      }
      if (open[0].size() >= FLUSH_ROWS) {
        sealOpen();
      }
    }
    for (Map.Entry<Long, RoaringBitmap> delete : write.deletes().entrySet()) {
      long id = delete.getKey();
      deletes.put(id, DeleteBitmaps.union(deletes.get(id), delete.getValue()));
      retireIfEmpty(id, sequence);
    }
  }

  private void sealOpen() {
    if (open != null && open[0].size() > 0) {
      sealed.put(openId, SegmentRef.inMemory(openId, view(open)));
    }
    open = null;
    openId = -1;
  }

  /** A sealed container whose rows are all deleted leaves the head. */
  private void retireIfEmpty(long id, long sequence) {
    SegmentRef segment = sealed.get(id);
    RoaringBitmap deleted = deletes.get(id);
    if (segment != null && deleted != null
        && deleted.getLongCardinality() >= segment.rowCount()) {
      sealed.remove(id);
      deletes.remove(id);
      retired.add(new Retired(segment, sequence, false));
    }
  }

  /** Whether sealed buffers wait in memory to be written out. */
  public synchronized boolean hasSealedBuffers() {
    for (SegmentRef segment : sealed.values()) {
      if (segment.inMemory()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Writes sealed in-memory buffers out as segment files ahead of a checkpoint, without
   * holding up commits; the checkpoint then only swaps them in.
   */
  public void writeSealedBuffers() {
    List<SegmentRef> pending = new ArrayList<>();
    synchronized (this) {
      for (SegmentRef segment : sealed.values()) {
        if (segment.inMemory() && !writtenAhead.containsKey(segment.id())) {
          pending.add(segment);
        }
      }
    }
    for (SegmentRef segment : pending) {
      SegmentFile file = writeSegment(segment.id(), segment.rows(), 0, segment.rowCount());
      synchronized (this) {
        writtenAhead.put(segment.id(), file);
      }
    }
  }

  /**
   * Writes every buffered row out as segments and records in a new manifest that the table
   * reflects the log up to lsn. Called with commits held off and everything before published.
   *
   * @param sequence the sequence of the snapshot that will first show the result
   */
  public synchronized void checkpoint(long lsn, long sequence) {
    sealOpen();
    boolean changed = false;
    for (Map.Entry<Long, SegmentRef> entry : new ArrayList<>(sealed.entrySet())) {
      SegmentRef segment = entry.getValue();
      if (!segment.inMemory()) {
        continue;
      }
      retireIfEmpty(segment.id(), sequence);
      if (!sealed.containsKey(segment.id())) {
        changed = true;
        continue;
      }
      SegmentFile file = writtenAhead.remove(segment.id());
      if (file == null) {
        file = writeSegment(segment.id(), segment.rows(), 0, segment.rowCount());
      }
      sealed.put(entry.getKey(), SegmentRef.ofFile(segment.id(), file));
      changed = true;
    }
    for (SegmentFile orphan : writtenAhead.values()) {
      orphan.close();
      DurableFiles.deleteQuietly(orphan.path());
    }
    writtenAhead.clear();
    if (changed || lsn > appliedLsn || retired.stream().anyMatch(r -> !r.persisted())) {
      appliedLsn = Math.max(appliedLsn, lsn);
      manifestVersion++;
      List<Manifest.Entry> entries = new ArrayList<>();
      for (SegmentRef segment : sealed.values()) {
        entries.add(new Manifest.Entry(segment.id(),
            segment.file().path().getFileName().toString(), segment.rowCount(),
            deletes.get(segment.id())));
      }
      new Manifest(manifestVersion, appliedLsn, nextSegmentId.get(), entries).save(directory);
      retired.replaceAll(r -> new Retired(r.segment(), r.sequence(), true));
    }
  }

  /**
   * Closes and deletes the files of retired containers that the durable manifest no longer
   * names and no snapshot older than horizon can still read.
   */
  public synchronized void collectGarbage(long horizon) {
    forwards.values().removeIf(forward -> forward.sequence() <= horizon);
    Iterator<Retired> it = retired.iterator();
    while (it.hasNext()) {
      Retired entry = it.next();
      if (entry.sequence() > horizon || !entry.persisted()) {
        continue;
      }
      SegmentFile file = entry.segment().file();
      if (file != null) {
        file.close();
        DurableFiles.deleteQuietly(file.path());
      }
      it.remove();
    }
  }


  /**
   * Deletes files that neither the manifest nor the replayed log names (failed loads). Files
   * the manifest or a replayed record names stay even if the log retired them (a compaction's
   * output merged again by a later one): until a new manifest is durable, a crash replays
   * them again; they are collected like other retired files after that.
   */
  public synchronized void deleteUnreferencedFiles() {
    Set<String> live = new HashSet<>(manifestFiles);
    for (SegmentRef segment : sealed.values()) {
      if (!segment.inMemory()) {
        live.add(segment.file().path().getFileName().toString());
      }
    }
    try (Stream<Path> entries = Files.list(directory)) {
      for (Path file : entries.toList()) {
        String name = file.getFileName().toString();
        if ((name.endsWith(".seg") && !live.contains(name)) || name.endsWith(".tmp")) {
          Files.deleteIfExists(file);
        }
      }
    } catch (IOException e) {
      throw DurableFiles.ioError("cannot clean " + directory, e);
    }
  }

  @Override
  public synchronized void close() {
    for (SegmentRef segment : sealed.values()) {
      if (segment.file() != null) {
        segment.file().close();
      }
    }
    for (Retired entry : retired) {
      if (entry.segment().file() != null) {
        entry.segment().file().close();
      }
    }
    for (SegmentFile file : writtenAhead.values()) {
      file.close();
    }
  }
}
