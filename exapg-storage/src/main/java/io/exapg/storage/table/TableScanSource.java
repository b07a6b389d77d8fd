package io.exapg.storage.table;

import io.exapg.core.batch.Batch;
import io.exapg.core.batch.Vectors;
import io.exapg.core.exec.BatchSink;
import io.exapg.core.exec.IoTier;
import io.exapg.core.exec.QueryContext;
import io.exapg.core.exec.ScanStatistics;
import io.exapg.core.exec.Source;
import io.exapg.core.exec.TaskContext;
import io.exapg.core.plan.ScanNode;
import io.exapg.core.plan.ScanPredicate;
import io.exapg.core.type.DataType;
import io.exapg.core.type.PhysicalType;
import io.exapg.storage.format.ChunkCodec;
import io.exapg.storage.format.ChunkMeta;
import io.exapg.storage.format.ColumnData;
import io.exapg.storage.format.Encoding;
import io.exapg.storage.format.RowGroupMeta;
import io.exapg.storage.format.SegmentWriter;
import io.exapg.storage.format.StringDictionary;
import io.exapg.storage.format.ZoneMap;
import io.exapg.storage.io.ChunkCache;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.roaringbitmap.PeekableIntIterator;
import org.roaringbitmap.RoaringBitmap;

/**
 * Scans the containers of a table snapshot (plus the running transaction's own rows): one
 * morsel per segment row group and per 64K rows in memory. Segments and row groups whose zone
 * maps rule out the scan's predicates are skipped; in the rest, deleted rows and rows failing
 * the exact predicates are left out through the batch's selection, and the output columns are
 * decoded straight into Arrow vectors.
 */
final class TableScanSource implements Source {
  /** Late materialization when at most one row in this many is left. */
  private static final int LATE_MATERIALIZATION_SHARE = 4;
  /**
   * Rows per batch a scan emits: row groups are cut into slices of this size so that a
   * batch's columns and the operators' per-batch arrays stay small (cache, query memory).
   */
  private static final int BATCH_ROWS = 16384;

  private static final ThreadLocal<ChunkCodec.Scratch> SCRATCH =
      ThreadLocal.withInitial(ChunkCodec.Scratch::new);

  /** Rows [start, start + count) of a container; rowGroup is -1 for rows in memory. */
  private record Morsel(SegmentRef segment, int rowGroup, int start, int count) {
  }

  private final ScanNode node;
  private final List<SegmentRef> segments;
  private final Map<Long, RoaringBitmap> deletes;
  private final ChunkCache cache;
  private final DecodedChunkCache decodedCache;
  private final List<Morsel> morsels = new ArrayList<>();
  private PredicateEvaluator[] evaluators;
  /** Filters joins above published on this scan's key columns; read when it opens. */
  private List<QueryContext.ScanFilter> runtimeFilters = List.of();
  private RuntimeFilterOrder runtimeFilterOrder = new RuntimeFilterOrder(0);
  private ScanStatistics statistics;

  /**
   * @param deletes deleted positions by container id; never changed while the scan runs
   * @param cache the node's chunk cache
   */
  TableScanSource(ScanNode node, List<SegmentRef> segments, Map<Long, RoaringBitmap> deletes,
      ChunkCache cache, DecodedChunkCache decodedCache) {
    this.node = node;
    this.segments = segments;
    this.deletes = deletes;
    this.cache = cache;
    this.decodedCache = decodedCache;
  }

  /** Binds the predicates' parameters and cuts the segments zone maps allow into morsels. */
  @Override
  public void open(QueryContext context) {
    statistics = context.statistics().scan(node);
    runtimeFilters = context.runtimeFilters(node).stream()
        .filter(f -> f.filter().isReady()).toList();
    runtimeFilterOrder = new RuntimeFilterOrder(runtimeFilters.size());
    List<ScanPredicate> predicates = node.predicates();
    evaluators = new PredicateEvaluator[predicates.size()];
    for (int p = 0; p < evaluators.length; p++) {
      evaluators[p] = predicates.get(p).exact()
          ? new PredicateEvaluator(predicates.get(p), context.parameters()) : null;
    }
    for (SegmentRef segment : segments) {
      if (segment.inMemory()) {
        statistics.segmentRead();
        for (int from = 0; from < segment.rowCount(); from += SegmentWriter.ROW_GROUP_ROWS) {
          morsels.add(new Morsel(segment, -1, from,
              Math.min(SegmentWriter.ROW_GROUP_ROWS, segment.rowCount() - from)));
        }
        continue;
      }
      List<RowGroupMeta> groups = segment.file().meta().rowGroups();
      if (!mayMatch(segment.file()::zone, context.parameters())) {
        statistics.segmentSkipped();
        for (int g = 0; g < groups.size(); g++) {
          statistics.rowGroupSkipped();
        }
        continue;
      }
      statistics.segmentRead();
      int start = 0;
      for (int g = 0; g < groups.size(); g++) {
        morsels.add(new Morsel(segment, g, start, groups.get(g).rowCount()));
        start += groups.get(g).rowCount();
      }
    }
  }

  @Override
  public int morselCount() {
    return morsels.size();
  }

  @Override
  public void produce(int index, TaskContext task, BatchSink sink) {
    Morsel morsel = morsels.get(index);
    QueryContext query = task.query();
    RowGroupMeta group = morsel.rowGroup() < 0 ? null
        : morsel.segment().file().meta().rowGroups().get(morsel.rowGroup());
    if (group != null
        && !mayMatch(column -> group.chunks().get(column).zoneMap(), query.parameters())) {
      statistics.rowGroupSkipped();
      return;
    }
    int rows = morsel.count();
    int[] live = livePositions(morsel);
    int liveCount = live == null ? rows : live.length;
    if (liveCount == 0) {
      statistics.rowGroupRead(rows, 0);
      return;
    }
    Chunks chunks = new Chunks(morsel, group, rows);
    List<ScanPredicate> predicates = node.predicates();
    for (int p = 0; p < predicates.size() && liveCount > 0; p++) {
      if (evaluators[p] == null) {
        continue;
      }
      if (live == null) {
        live = allPositions(rows);
      }
      int column = predicates.get(p).column();
      if (group == null) {
        liveCount = evaluators[p].filter(morsel.segment().rows()[column], morsel.start(), live,
            liveCount);
        continue;
      }
      StringDictionary dictionary = chunks.dictionary(column, predicates.get(p).type());
      liveCount = dictionary != null ? evaluators[p].filter(dictionary, live, liveCount)
          : evaluators[p].filter(chunks.decoded(column, predicates.get(p).type()), 0, live,
              liveCount);
    }
    int[] order = runtimeFilterOrder.order();
    for (int k = 0; k < order.length && liveCount > 0; k++) {
      if (live == null) {
        live = allPositions(rows);
      }
      int f = order[k];
      QueryContext.ScanFilter runtime = runtimeFilters.get(f);
      int column = runtime.column();
      ColumnData data = group == null ? morsel.segment().rows()[column]
          : chunks.decoded(column, columnType(column));
      int offset = group == null ? morsel.start() : 0;
      int before = liveCount;
      long start = System.nanoTime();
      liveCount = runtime.filter().filter(data.longs(), data.nulls(), offset, live, liveCount);
      runtimeFilterOrder.record(f, before, liveCount, System.nanoTime() - start);
      statistics.rowsFilteredByJoins(before - liveCount);
    }
    runtimeFilterOrder.update();
    if (liveCount == 0) {
      statistics.rowGroupRead(rows, 0);
      return;
    }
    // Few rows left: copy just those rows out of the decoded columns (late materialization),
    // instead of filling whole vectors that a selection then mostly hides.
    boolean late = live != null && liveCount <= rows / LATE_MATERIALIZATION_SHARE;
    statistics.rowGroupRead(rows, liveCount);
    if (late || rows <= BATCH_ROWS) {
      emit(morsel, chunks, 0, rows, live, liveCount, late, query, sink);
      return;
    }
    int next = 0;
    for (int from = 0; from < rows; from += BATCH_ROWS) {
      int count = Math.min(BATCH_ROWS, rows - from);
      if (live == null) {
        emit(morsel, chunks, from, count, null, count, false, query, sink);
        continue;
      }
      int first = next;
      while (next < liveCount && live[next] < from + count) {
        next++;
      }
      if (next > first) {
        int[] slice = new int[next - first];
        for (int k = 0; k < slice.length; k++) {
          slice[k] = live[first + k] - from;
        }
        emit(morsel, chunks, from, count, slice, slice.length, false, query, sink);
      }
    }
  }

  /**
   * Pushes rows [from, from + count) of a morsel as one batch: the live ones among them
   * (positions relative to from, or null for all) as a selection, or, late, only those.
   */
  private void emit(Morsel morsel, Chunks chunks, int from, int count, int[] live,
      int liveCount, boolean late, QueryContext query, BatchSink sink) {
    List<DataType> types = node.outputTypes();
    int outputRows = late ? liveCount : count;
    FieldVector[] vectors = Vectors.allocate(types, query.allocator(), outputRows);
    try {
      List<Integer> columns = node.columns();
      for (int k = 0; k < columns.size(); k++) {
        int column = columns.get(k);
        if (column == ScanNode.ROW_ID) {
          fillRowIds((BigIntVector) vectors[k], morsel, from, late ? live : null, outputRows);
        } else if (chunks.group == null) {
          output(morsel.segment().rows()[column], morsel.start() + from, count, live,
              liveCount, late, vectors[k]);
        } else {
          ColumnData data = chunks.cached(column);
          if (data == null && !late && count == chunks.rows && !decodedCache.enabled()) {
            chunks.decodeInto(column, types.get(k), vectors[k]);
          } else {
            output(data != null ? data : chunks.decoded(column, types.get(k)), from, count,
                live, liveCount, late, vectors[k]);
          }
        }
      }
      Vectors.setValueCount(vectors, outputRows);
      sink.push(late || live == null || liveCount == count
          ? Batch.of(vectors, outputRows) : Batch.selected(vectors, count, live, liveCount));
    } finally {
      Vectors.close(vectors);
    }
  }

  /**
   * The chunks of one morsel's row group: decoded values from the decoded-chunk cache, else
   * decoded from the stored bytes (read once, from the chunk cache or the file) and cached.
   * Every chunk a morsel uses is charged to the scan's I/O once.
   */
  private final class Chunks {
    private final Morsel morsel;
    private final RowGroupMeta group;
    private final int rows;
    private final byte[][] stored;
    private final ColumnData[] decoded;
    private final StringDictionary[] dictionaries;

    Chunks(Morsel morsel, RowGroupMeta group, int rows) {
      this.morsel = morsel;
      this.group = group;
      this.rows = rows;
      int count = group == null ? 0 : group.chunks().size();
      this.stored = new byte[count][];
      this.decoded = new ColumnData[count];
      this.dictionaries = new StringDictionary[count];
    }

    /** The column's decoded values if this morsel or the cache has them, else null. */
    ColumnData cached(int column) {
      if (decoded[column] == null) {
        long start = System.nanoTime();
        ChunkMeta chunk = group.chunks().get(column);
        ColumnData data = decodedCache.get(morsel.segment().file().key(chunk));
        if (data != null) {
          chargeCached(column, chunk, start);
          decoded[column] = data;
        }
      }
      return decoded[column];
    }

    /**
     * A string column's dictionary, for predicates, or null if it is not dictionary-encoded:
     * from the decoded-chunk cache, else read from the stored chunk and cached.
     */
    StringDictionary dictionary(int column, DataType type) {
      ChunkMeta chunk = group.chunks().get(column);
      if (dictionaries[column] != null || chunk.encoding() != Encoding.DICTIONARY
          || type.physical() != PhysicalType.VARBINARY) {
        return dictionaries[column];
      }
      long start = System.nanoTime();
      ChunkCache.Key key = morsel.segment().file().key(chunk);
      StringDictionary dictionary = decodedCache.dictionary(key);
      if (dictionary != null) {
        chargeCached(column, chunk, start);
      } else {
        dictionary = ChunkCodec.dictionary(bytes(column), chunk.encoding(), chunk.compressed(),
            chunk.payloadLength(), type, rows, SCRATCH.get()).copy(rows);
        decodedCache.putDictionary(key, dictionary);
      }
      dictionaries[column] = dictionary;
      return dictionary;
    }

    /** Charges a chunk found decoded in memory, unless this morsel already charged it. */
    private void chargeCached(int column, ChunkMeta chunk, long start) {
      if (decoded[column] == null && dictionaries[column] == null && stored[column] == null) {
        statistics.chunkRead(column, IoTier.MEMORY, chunk.storedLength(),
            System.nanoTime() - start);
      }
    }

    ColumnData decoded(int column, DataType type) {
      ColumnData data = cached(column);
      if (data == null) {
        ChunkMeta chunk = group.chunks().get(column);
        data = ChunkCodec.decode(bytes(column), chunk.encoding(), chunk.compressed(),
            chunk.payloadLength(), type, rows, SCRATCH.get()).copy();
        decodedCache.put(morsel.segment().file().key(chunk), data);
        decoded[column] = data;
      }
      return data;
    }

    /** Decodes straight into a vector, when decoded chunks are not cached. */
    void decodeInto(int column, DataType type, FieldVector vector) {
      ChunkMeta chunk = group.chunks().get(column);
      ChunkCodec.decodeInto(bytes(column), chunk.encoding(), chunk.compressed(),
          chunk.payloadLength(), type, rows, vector, SCRATCH.get());
    }

    private byte[] bytes(int column) {
      if (stored[column] == null) {
        stored[column] = morsel.segment().file().readChunk(group.chunks().get(column), cache,
            statistics, column);
      }
      return stored[column];
    }
  }

  /** Puts decoded rows [offset, offset + rows) into a vector: all, or only the live ones. */
  private static void output(ColumnData data, int offset, int rows, int[] live, int liveCount,
      boolean late, FieldVector vector) {
    if (late) {
      data.gatherTo(vector, offset, live, liveCount);
    } else {
      data.copyTo(vector, offset, rows);
    }
  }

  /** The type of a table column the scan reads (runtime filters are on such columns). */
  private DataType columnType(int column) {
    return node.outputTypes().get(node.columns().indexOf(column));
  }

  /** The positions (within the morsel) of rows not deleted, or null when none are. */
  private int[] livePositions(Morsel morsel) {
    RoaringBitmap deleted = deletes.get(morsel.segment().id());
    if (deleted == null) {
      return null;
    }
    int rows = morsel.count();
    int deletedCount = (int) deleted.rangeCardinality(morsel.start(),
        (long) morsel.start() + rows);
    if (deletedCount == 0) {
      return null;
    }
    int[] live = new int[rows - deletedCount];
    PeekableIntIterator next = deleted.getIntIterator();
    next.advanceIfNeeded(morsel.start());
    int j = 0;
    for (int k = 0; k < rows; k++) {
      int position = morsel.start() + k;
      while (next.hasNext() && next.peekNext() < position) {
        next.next();
      }
      if (next.hasNext() && next.peekNext() == position) {
        continue;
      }
      live[j++] = k;
    }
    return live;
  }

  private static int[] allPositions(int rows) {
    int[] live = new int[rows];
    for (int k = 0; k < rows; k++) {
      live[k] = k;
    }
    return live;
  }

  /** Row ids of the morsel's rows, or of the given positions only. */
  private static void fillRowIds(BigIntVector vector, Morsel morsel, int from,
      int[] positions, int count) {
    long base = SegmentRef.rowId(morsel.segment().id(), morsel.start() + from);
    for (int k = 0; k < count; k++) {
      vector.set(k, base + (positions == null ? k : positions[k]));
    }
  }

  /** The zone map of a table column, in a segment or a row group. */
  private interface Zones {
    ZoneMap zone(int column);
  }

  private boolean mayMatch(Zones zones, Object[] parameters) {
    for (ScanPredicate predicate : node.predicates()) {
      ZoneMap zone = zones.zone(predicate.column());
      if (zone != null && !ZonePruner.mayMatch(predicate, zone, predicate.type().physical(),
          parameters)) {
        return false;
      }
    }
    for (QueryContext.ScanFilter runtime : runtimeFilters) {
      ZoneMap zone = zones.zone(runtime.column());
      if (zone != null && zone.hasRange()
          && !runtime.filter().overlaps(zone.minLong(), zone.maxLong())) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String describe() {
    return "scan " + node.tableName();
  }
}
