package io.exapg.storage.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.core.type.DataType;
import io.exapg.core.type.TypeId;
import io.exapg.storage.io.DurableFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tables of a node, kept in memory and in catalog/catalog.json, which every change rewrites
 * atomically before it is visible. Changes are serialized by the caller (one DDL at a time).
 */
public final class Catalog {
  private static final ObjectMapper JSON = new ObjectMapper();
  public static final String DEFAULT_SCHEMA = "public";

  private final Path file;
  private final Map<String, TableDef> tablesByName = new ConcurrentHashMap<>();
  private final Map<Long, TableDef> tablesById = new ConcurrentHashMap<>();
  private long nextTableId = 1;
  private volatile long version;

  private Catalog(Path file) {
    this.file = file;
  }

  public static Catalog open(Path directory) {
    DurableFiles.createDirectories(directory);
    Catalog catalog = new Catalog(directory.resolve("catalog.json"));
    if (Files.exists(catalog.file)) {
      catalog.load();
    }
    return catalog;
  }

  private static String key(String schema, String name) {
    return schema + "." + name;
  }

  public TableDef table(String schema, String name) {
    return tablesByName.get(key(schema, name));
  }

  public TableDef table(long id) {
    return tablesById.get(id);
  }

  public Collection<TableDef> tables() {
    return List.copyOf(tablesById.values());
  }

  /** Changes whenever a table is created or dropped; plans cached under it stay valid. */
  public long version() {
    return version;
  }

  public synchronized TableDef createTable(String schema, String name, List<ColumnDef> columns,
      PartitionSpec partitioning, List<String> distribution) {
    if (tablesByName.containsKey(key(schema, name))) {
      throw new ExaException(SqlState.DUPLICATE_TABLE,
          "relation \"" + name + "\" already exists");
    }
    TableDef table = new TableDef(nextTableId, schema, name, columns, partitioning,
        distribution);
    nextTableId++;
    tablesByName.put(key(schema, name), table);
    tablesById.put(table.id(), table);
    try {
      save();
    } catch (RuntimeException e) {
      tablesByName.remove(key(schema, name));
      tablesById.remove(table.id());
      throw e;
    }
    version++;
    return table;
  }

  /** Replaces a table's definition (same id and name) by a changed one. */
  public synchronized void replaceTable(TableDef changed) {
    TableDef before = tablesById.get(changed.id());
    tablesByName.put(key(changed.schema(), changed.name()), changed);
    tablesById.put(changed.id(), changed);
    try {
      save();
    } catch (RuntimeException e) {
      tablesByName.put(key(before.schema(), before.name()), before);
      tablesById.put(before.id(), before);
      throw e;
    }
    version++;
  }

  public synchronized void dropTable(TableDef table) {
    tablesByName.remove(key(table.schema(), table.name()));
    tablesById.remove(table.id());
    try {
      save();
    } catch (RuntimeException e) {
      tablesByName.put(key(table.schema(), table.name()), table);
      tablesById.put(table.id(), table);
      throw e;
    }
    version++;
  }

  private void save() {
    ObjectNode root = JSON.createObjectNode();
    root.put("formatVersion", 1);
    root.put("nextTableId", nextTableId);
    ArrayNode tables = root.putArray("tables");
    for (TableDef table : new TreeMap<>(tablesById).values()) {
      ObjectNode t = tables.addObject();
      t.put("id", table.id());
      t.put("schema", table.schema());
      t.put("name", table.name());
      ArrayNode columns = t.putArray("columns");
      for (ColumnDef column : table.columns()) {
        ObjectNode c = columns.addObject();
        c.put("name", column.name());
        c.put("type", column.type().id().name());
        c.put("precision", column.type().precision());
        c.put("scale", column.type().scale());
        c.put("nullable", column.nullable());
      }
      PartitionSpec partitioning = table.partitioning();
      if (partitioning != null) {
        ObjectNode p = t.putObject("partitionBy");
        p.put("column", partitioning.column());
        p.put("method", partitioning.method().name());
        if (partitioning.unit() != null) {
          p.put("unit", partitioning.unit().name());
        }
        p.put("width", partitioning.width());
      }
      ArrayNode distribution = t.putArray("distributeBy");
      table.distribution().forEach(distribution::add);
    }
    try {
      DurableFiles.writeAtomically(file, JSON.writerWithDefaultPrettyPrinter()
          .writeValueAsBytes(root));
    } catch (IOException e) {
      throw DurableFiles.ioError("cannot write the catalog", e);
    }
  }

  private void load() {
    try {
      JsonNode root = JSON.readTree(file.toFile());
      nextTableId = root.get("nextTableId").asLong();
      for (JsonNode t : root.get("tables")) {
        List<ColumnDef> columns = new ArrayList<>();
        for (JsonNode c : t.get("columns")) {
          DataType type = new DataType(TypeId.valueOf(c.get("type").asText()),
              c.get("precision").asInt(), c.get("scale").asInt());
          columns.add(new ColumnDef(c.get("name").asText(), type, c.get("nullable").asBoolean()));
        }
        PartitionSpec partitioning = null;
        JsonNode p = t.get("partitionBy");
        if (p != null) {
          partitioning = new PartitionSpec(p.get("column").asText(),
              PartitionSpec.Method.valueOf(p.get("method").asText()),
              p.has("unit") ? PartitionSpec.TimeUnit.valueOf(p.get("unit").asText()) : null,
              p.get("width").asDouble());
        }
        List<String> distribution = new ArrayList<>();
        if (t.has("distributeBy")) {
          t.get("distributeBy").forEach(name -> distribution.add(name.asText()));
        }
        TableDef table = new TableDef(t.get("id").asLong(), t.get("schema").asText(),
            t.get("name").asText(), columns, partitioning, distribution);
        tablesByName.put(key(table.schema(), table.name()), table);
        tablesById.put(table.id(), table);
      }
    } catch (IOException | RuntimeException e) {
      throw new ExaException(SqlState.DATA_CORRUPTED,
          "cannot read the catalog " + file + ": " + e.getMessage(), e);
    }
  }
}
