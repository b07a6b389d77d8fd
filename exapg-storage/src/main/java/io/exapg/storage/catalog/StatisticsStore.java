package io.exapg.storage.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exapg.core.stats.ColumnStatistics;
import io.exapg.core.stats.DistinctSketch;
import io.exapg.core.stats.StatisticsCollector;
import io.exapg.core.stats.TableStatistics;
import io.exapg.storage.io.DurableFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Table statistics by table id, kept in memory and in catalog/statistics.json. They are
 * estimates for the planner: loads add to them (written to the file later, by
 * {@link #flush}, so that small inserts do not each rewrite it), ANALYZE replaces them (written
 * at once), and losing them (a crash before a flush, an unreadable file) only costs plan
 * quality, so a broken file is ignored, not fatal.
 */
public final class StatisticsStore {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final Map<Long, TableStatistics> tables = new ConcurrentHashMap<>();
  /** Per table, its rows when the generation last moved on its account. */
  private final Map<Long, Long> rowsAtGeneration = new ConcurrentHashMap<>();
  private volatile long generation;
  private boolean dirty;

  private StatisticsStore(Path file) {
    this.file = file;
  }

  public static StatisticsStore open(Path catalogDirectory) {
    StatisticsStore store = new StatisticsStore(catalogDirectory.resolve("statistics.json"));
    if (Files.exists(store.file)) {
      store.load();
    }
    return store;
  }

  /**
   * Moves on whenever statistics change enough that plans made before may be poor: at every
   * ANALYZE and drop, and when loads have doubled a table since the last move (so a table
   * that grows by small inserts replans a logarithmic number of times).
   */
  public long generation() {
    return generation;
  }

  /** The statistics of a table, or null when none were gathered. */
  public TableStatistics get(long tableId) {
    return tables.get(tableId);
  }

  /** Adds the statistics of rows just loaded into a table to what is known of it. */
  public synchronized void add(long tableId, TableStatistics loaded) {
    TableStatistics known = tables.get(tableId);
    if (known != null && known.columns().size() != loaded.columns().size()) {
      known = null;
    }
    TableStatistics combined = known == null ? loaded
        : StatisticsCollector.combine(known, loaded);
    tables.put(tableId, combined);
    Long before = rowsAtGeneration.get(tableId);
    if (before == null || combined.rows() >= 2 * before) {
      rowsAtGeneration.put(tableId, combined.rows());
      generation++;
    }
    dirty = true;
  }

  /** Writes the statistics loads added since the last write, if any. */
  public synchronized void flush() {
    if (dirty) {
      save();
    }
  }

  public synchronized void replace(long tableId, TableStatistics analyzed) {
    tables.put(tableId, analyzed);
    rowsAtGeneration.put(tableId, analyzed.rows());
    generation++;
    save();
  }

  public synchronized void remove(long tableId) {
    rowsAtGeneration.remove(tableId);
    if (tables.remove(tableId) != null) {
      generation++;
      save();
    }
  }

  private void save() {
    ObjectNode root = JSON.createObjectNode();
    root.put("formatVersion", 1);
    ArrayNode list = root.putArray("tables");
    Base64.Encoder base64 = Base64.getEncoder();
    for (Map.Entry<Long, TableStatistics> entry : new TreeMap<>(tables).entrySet()) {
      ObjectNode t = list.addObject();
      t.put("tableId", entry.getKey());
      t.put("rows", entry.getValue().rows());
      ArrayNode columns = t.putArray("columns");
      for (ColumnStatistics column : entry.getValue().columns()) {
        ObjectNode c = columns.addObject();
        c.put("nulls", column.nulls());
        c.put("distinct", column.distinctCount());
        c.put("sketch", base64.encodeToString(column.distinct().registers()));
        if (column.hasRange()) {
          c.put("min", column.min());
          c.put("max", column.max());
        }
      }
    }
    try {
      DurableFiles.writeAtomically(file, JSON.writerWithDefaultPrettyPrinter()
          .writeValueAsBytes(root));
      dirty = false;
    } catch (IOException e) {
      throw DurableFiles.ioError("cannot write the table statistics", e);
    }
  }

  private void load() {
    try {
      Base64.Decoder base64 = Base64.getDecoder();
      for (JsonNode t : JSON.readTree(file.toFile()).get("tables")) {
        List<ColumnStatistics> columns = new ArrayList<>();
        for (JsonNode c : t.get("columns")) {
          columns.add(new ColumnStatistics(c.get("nulls").asLong(),
              DistinctSketch.of(base64.decode(c.get("sketch").asText())),
              c.has("min") ? c.get("min").asDouble() : Double.NaN,
              c.has("max") ? c.get("max").asDouble() : Double.NaN));
        }
        tables.put(t.get("tableId").asLong(), new TableStatistics(t.get("rows").asLong(),
            columns));
      }
    } catch (IOException | RuntimeException e) {
      tables.clear();
    }
  }
}
