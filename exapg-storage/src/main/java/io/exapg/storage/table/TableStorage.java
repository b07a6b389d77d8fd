package io.exapg.storage.table;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.storage.catalog.TableDef;
import io.exapg.storage.format.ColumnBuffer;
import io.exapg.storage.format.ColumnData;
import io.exapg.storage.format.SegmentFile;
import io.exapg.storage.format.SegmentWriter;
import io.exapg.storage.io.DurableFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One table's data on this node: segment files, an insert buffer of recently committed rows,
 * and the manifest tying them to the write-ahead log. Writers hold this object's lock; readers
 * take the published snapshot without locking.
 */
public final class TableStorage implements AutoCloseable {
  /** Rows kept in the insert buffer before they are written out as a segment. */
  public static final int FLUSH_ROWS = 16 * SegmentWriter.ROW_GROUP_ROWS;

  private final TableDef table;
  private final Path directory;
  private final List<String> segmentNames = new ArrayList<>();
  private final List<SegmentFile> segments = new ArrayList<>();
  private ColumnBuffer[] buffer;
  private long appliedLsn;
  private long manifestVersion;
  private int nextSegmentId;
  private volatile TableSnapshot snapshot;

  private TableStorage(TableDef table, Path directory) {
    this.table = table;
    this.directory = directory;
    this.buffer = newBuffer();
  }

  private ColumnBuffer[] newBuffer() {
    ColumnBuffer[] columns = new ColumnBuffer[table.columns().size()];
    for (int c = 0; c < columns.length; c++) {
      columns[c] = new ColumnBuffer(table.columns().get(c).type());
    }
    return columns;
  }

  /** Opens a table's directory (creating it if missing) at the state of its manifest. */
  public static TableStorage open(TableDef table, Path directory) {
    DurableFiles.createDirectories(directory);
    TableStorage storage = new TableStorage(table, directory);
    Manifest manifest = Manifest.load(directory);
    storage.appliedLsn = manifest.appliedLsn();
    storage.manifestVersion = manifest.version();
    storage.nextSegmentId = manifest.nextSegmentId();
    for (String name : manifest.segments()) {
      storage.addSegment(name, storage.openSegment(name));
    }
    storage.publish();
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

  private void addSegment(String name, SegmentFile segment) {
    segmentNames.add(name);
    segments.add(segment);
    int id = Integer.parseInt(name.substring(0, name.indexOf('.')));
    nextSegmentId = Math.max(nextSegmentId, id + 1);
  }

  public TableDef table() {
    return table;
  }

  public Path directory() {
    return directory;
  }

  public long appliedLsn() {
    return appliedLsn;
  }

  public TableSnapshot snapshot() {
    return snapshot;
  }

  private void publish() {
    ColumnData[] view = new ColumnData[buffer.length];
    for (int c = 0; c < buffer.length; c++) {
      view[c] = buffer[c].view();
    }
    snapshot = new TableSnapshot(table, segments, view);
  }

  /** A file name for a new segment of this table. */
  public synchronized String newSegmentName() {
    return String.format("%010d.seg", nextSegmentId++);
  }

  /** Writes rows [from, from + count) into a new segment file, durably; not yet attached. */
  public SegmentFile writeSegment(String name, ColumnData[] columns, int from, int count) {
    Path file = directory.resolve(name);
    SegmentWriter.write(file, table.columnTypes(), columns, from, count);
    DurableFiles.syncDirectory(directory);
    return SegmentFile.open(file);
  }

  /** Applies a committed transaction's writes to this table, in log order. */
  public synchronized void apply(long lsn, List<SegmentFile> newSegments, ColumnData[] rows) {
    if (lsn <= appliedLsn) {
      return;
    }
    for (SegmentFile segment : newSegments) {
      addSegment(segment.path().getFileName().toString(), segment);
    }
    int count = rows.length == 0 ? 0 : rows[0].size();
    if (count > 0) {
      for (int c = 0; c < buffer.length; c++) {
        buffer[c].append(rows[c], 0, count);
      }
    }
    if (buffer.length > 0 && buffer[0].size() >= FLUSH_ROWS) {
      flush(lsn);
    } else {
      publish();
    }
  }

  /** Replays a commit record's part for this table; segment files are opened by name. */
  public synchronized void replay(long lsn, List<String> segmentFiles, ColumnData[] rows) {
    List<SegmentFile> opened = new ArrayList<>();
    for (String name : segmentFiles) {
      opened.add(openSegment(name));
    }
    apply(lsn, opened, rows);
  }

  /**
   * Writes the insert buffer out as a segment and records, in a new manifest, that everything
   * up to lsn is in the segments.
   */
  public synchronized void flush(long lsn) {
    int rows = buffer.length == 0 ? 0 : buffer[0].size();
    if (rows > 0) {
      ColumnData[] columns = new ColumnData[buffer.length];
      for (int c = 0; c < buffer.length; c++) {
        columns[c] = buffer[c].view();
      }
      String name = newSegmentName();
      SegmentFile segment = writeSegment(name, columns, 0, rows);
      addSegment(name, segment);
      buffer = newBuffer();
    }
    if (rows > 0 || lsn > appliedLsn) {
      appliedLsn = Math.max(appliedLsn, lsn);
      manifestVersion++;
      new Manifest(manifestVersion, appliedLsn, nextSegmentId, segmentNames).save(directory);
    }
    publish();
  }

  /** Deletes segment files that no manifest or replayed commit refers to (failed loads). */
  public synchronized void deleteUnreferencedFiles() {
    Set<String> live = new HashSet<>(segmentNames);
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

  public synchronized long bufferedRows() {
    return buffer.length == 0 ? 0 : buffer[0].size();
  }

  @Override
  public synchronized void close() {
    for (SegmentFile segment : segments) {
      segment.close();
    }
  }
}
