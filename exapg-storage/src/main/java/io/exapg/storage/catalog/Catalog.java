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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The schemas, tables and views of a node, kept in memory and in catalog/catalog.json, which every change rewrites
 * atomically before it is visible. Changes are serialized by the caller (one DDL at a time).
 */
public final class Catalog {
  private static final ObjectMapper JSON = new ObjectMapper();
  public static final String DEFAULT_SCHEMA = "public";

  private final Path file;
  private final Map<String, TableDef> tablesByName = new ConcurrentHashMap<>();
  private final Map<Long, TableDef> tablesById = new ConcurrentHashMap<>();
  private final Map<String, ViewDef> viewsByName = new ConcurrentHashMap<>();
  /** Schema ids by name; public's is 0. */
  private final Map<String, Long> schemas = new ConcurrentHashMap<>();
  /** COMMENT ON texts, by object id and column name ("" for the object itself). */
  private final Map<CommentKey, String> comments = new ConcurrentHashMap<>();
  private long nextTableId = 1;
  private volatile long version;

  private Catalog(Path file) {
    this.file = file;
    schemas.put(DEFAULT_SCHEMA, 0L);
  }

  public static Catalog open(Path directory) {
    DurableFiles.createDirectories(directory);
    Catalog catalog = new Catalog(directory.resolve("catalog.json"));
    if (!Files.exists(catalog.file) || catalog.load()) {
      catalog.save();
    }
    return catalog;
  }

  private record CommentKey(long objectId, String column) {
  }

  /**
   * A comment on a schema, table or view (column empty) or on a column of a table or view.
   */
  public record ObjectComment(long objectId, String column, String text) {
  }

  private static String key(String schema, String name) {
    return schema + "." + name;
  }

  public boolean hasSchema(String name) {
    return schemas.containsKey(name);
  }

  /** The schemas, by name. */
  public List<String> schemas() {
    return schemas.keySet().stream().sorted().toList();
  }

  /** A schema's id (unique among tables, views and schemas; 0 for public), or -1. */
  public long schemaId(String name) {
    return schemas.getOrDefault(name, -1L);
  }

  /**
   * Takes an id from the counter tables, views and schemas use, for another kind of object
   * (roles) whose ids must not meet theirs.
   */
  public synchronized long allocateId() {
    long id = nextTableId++;
    try {
      save();
    } catch (RuntimeException e) {
      nextTableId--;
      throw e;
    }
    return id;
  }

  public synchronized void createSchema(String name) {
    if (schemas.putIfAbsent(name, nextTableId) != null) {
      throw new ExaException(SqlState.DUPLICATE_SCHEMA,
          "schema \"" + name + "\" already exists");
    }
    try {
      nextTableId++;
      save();
    } catch (RuntimeException e) {
      schemas.remove(name);
      throw e;
    }
    version++;
  }

  /** Drops an empty schema (the caller drops its tables and views first). */
  public synchronized void dropSchema(String name) {
    for (String relation : tablesByName.keySet()) {
      if (relation.startsWith(name + ".")) {
        throw new IllegalStateException("schema " + name + " still has table " + relation);
      }
    }
    Long id = schemas.remove(name);
    if (id == null) {
      return;
    }
    Runnable undoComments = dropComments(id);
    saveOrUndo(() -> {
      schemas.put(name, id);
      undoComments.run();
    });
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

  public ViewDef view(String schema, String name) {
    return viewsByName.get(key(schema, name));
  }

  public Collection<ViewDef> views() {
    return List.copyOf(viewsByName.values());
  }

  /**
   * Changes whenever a table or view is created, changed or dropped; plans cached under one
   * version stay valid while it lasts.
   */
  public long version() {
    return version;
  }

  public synchronized TableDef createTable(String schema, String name, List<ColumnDef> columns,
      PartitionSpec partitioning, List<String> distribution, List<IndexDef> indexes) {
    requireFreeName(schema, name);
    for (IndexDef index : indexes) {
      requireFreeName(schema, index.name());
    }
    long tableId = nextTableId++;
    List<IndexDef> numbered = new ArrayList<>();
    for (IndexDef index : indexes) {
      numbered.add(index.withId(nextTableId++));
    }
    TableDef table = new TableDef(tableId, schema, name, columns, partitioning,
        distribution, numbered);
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

  /** Replaces a table's definition (same id and schema) by a changed one. */
  public synchronized void replaceTable(TableDef changed) {
    TableDef before = tablesById.get(changed.id());
    if (!before.name().equals(changed.name())) {
      requireFreeName(changed.schema(), changed.name());
    }
    putTable(before, changed);
    saveOrUndo(() -> putTable(changed, before));
  }

  private void putTable(TableDef before, TableDef after) {
    tablesByName.remove(key(before.schema(), before.name()));
    tablesByName.put(key(after.schema(), after.name()), after);
    tablesById.put(after.id(), after);
  }

  /** Renames a table's column, keeping the column's comment. */
  public synchronized TableDef renameColumn(TableDef table, String column, String newName) {
    TableDef before = tablesById.get(table.id());
    TableDef changed = before.withColumnRenamed(column, newName);
    putTable(before, changed);
    Runnable undoComment = moveComment(table.id(), column, newName);
    saveOrUndo(() -> {
      putTable(changed, before);
      undoComment.run();
    });
    return changed;
  }

  /** Renames a view, or one of its columns when column is not null. */
  public synchronized ViewDef renameView(ViewDef view, String column, String newName) {
    ViewDef before = viewsByName.get(key(view.schema(), view.name()));
    ViewDef changed;
    Runnable undoComment = () -> { };
    if (column == null) {
      requireFreeName(view.schema(), newName);
      changed = before.withName(newName);
    } else {
      changed = before.withColumnRenamed(column, newName);
      undoComment = moveComment(view.id(), column, newName);
    }
    viewsByName.remove(key(before.schema(), before.name()));
    viewsByName.put(key(changed.schema(), changed.name()), changed);
    Runnable undoCommentOnFailure = undoComment;
    saveOrUndo(() -> {
      viewsByName.remove(key(changed.schema(), changed.name()));
      viewsByName.put(key(before.schema(), before.name()), before);
      undoCommentOnFailure.run();
    });
    return changed;
  }

  /** Moves a column's comment to its new name; returns how to move it back. */
  private Runnable moveComment(long objectId, String column, String newName) {
    String text = comments.remove(new CommentKey(objectId, column));
    if (text == null) {
      return () -> { };
    }
    comments.put(new CommentKey(objectId, newName), text);
    return () -> {
      comments.remove(new CommentKey(objectId, newName));
      comments.put(new CommentKey(objectId, column), text);
    };
  }

  /** The comment on an object (column empty) or on one of its columns, or null. */
  public String comment(long objectId, String column) {
    return comments.get(new CommentKey(objectId, column));
  }

  public List<ObjectComment> comments() {
    return comments.entrySet().stream()
        .map(e -> new ObjectComment(e.getKey().objectId(), e.getKey().column(), e.getValue()))
        .toList();
  }

  /** Sets the comment on an object or column (column empty for the object); null removes it. */
  public synchronized void setComment(long objectId, String column, String text) {
    CommentKey key = new CommentKey(objectId, column);
    String before = text == null ? comments.remove(key) : comments.put(key, text);
    saveOrUndo(() -> {
      if (before == null) {
        comments.remove(key);
      } else {
        comments.put(key, before);
      }
    });
  }

  /** Removes the comments on an object and its columns; returns how to put them back. */
  private Runnable dropComments(long objectId) {
    Map<CommentKey, String> dropped = new HashMap<>();
    comments.entrySet().removeIf(e -> {
      if (e.getKey().objectId() == objectId) {
        dropped.put(e.getKey(), e.getValue());
        return true;
      }
      return false;
    });
    return () -> comments.putAll(dropped);
  }

  /** Writes the catalog; if that fails, undoes the change in memory and rethrows. */
  private void saveOrUndo(Runnable undo) {
    try {
      save();
    } catch (RuntimeException e) {
      undo.run();
      throw e;
    }
    version++;
  }

  public synchronized void dropTable(TableDef table) {
    tablesByName.remove(key(table.schema(), table.name()));
    tablesById.remove(table.id());
    Runnable undoComments = dropComments(table.id());
    saveOrUndo(() -> {
      tablesByName.put(key(table.schema(), table.name()), table);
      tablesById.put(table.id(), table);
      undoComments.run();
    });
  }

  private void requireFreeName(String schema, String name) {
    if (tablesByName.containsKey(key(schema, name)) || viewsByName.containsKey(key(schema, name))
        || indexOwner(schema, name) != null) {
      throw new ExaException(SqlState.DUPLICATE_TABLE,
          "relation \"" + name + "\" already exists");
    }
  }

  /** The table an index of that name belongs to, or null. */
  public TableDef indexOwner(String schema, String indexName) {
    for (TableDef table : tablesById.values()) {
      if (table.schema().equals(schema)
          && table.indexes().stream().anyMatch(index -> index.name().equals(indexName))) {
        return table;
      }
    }
    return null;
  }

  /** Adds an index to a table; its name must be free among the schema's relations. */
  public synchronized TableDef addIndex(TableDef table, IndexDef index) {
    requireFreeName(table.schema(), index.name());
    List<IndexDef> indexes = new ArrayList<>(tablesById.get(table.id()).indexes());
    indexes.add(index.withId(nextTableId++));
    TableDef changed = tablesById.get(table.id()).withIndexes(indexes);
    replaceTable(changed);
    return changed;
  }

  /**
   * Creates a view, or replaces the view of that name (keeping its id) when replace is set.
   */
  public synchronized ViewDef createView(String schema, String name, String query,
      List<ColumnDef> columns, List<String> searchPath, boolean replace) {
    String key = key(schema, name);
    ViewDef before = viewsByName.get(key);
    if (!(replace && before != null)) {
      requireFreeName(schema, name);
    }
    long id = before != null ? before.id() : nextTableId;
    ViewDef view = new ViewDef(id, schema, name, query, columns, searchPath);
    viewsByName.put(key, view);
    try {
      if (before == null) {
        nextTableId++;
      }
      save();
    } catch (RuntimeException e) {
      if (before == null) {
        viewsByName.remove(key);
      } else {
        viewsByName.put(key, before);
      }
      throw e;
    }
    version++;
    return view;
  }

  public synchronized void dropView(ViewDef view) {
    String key = key(view.schema(), view.name());
    viewsByName.remove(key);
    Runnable undoComments = dropComments(view.id());
    saveOrUndo(() -> {
      viewsByName.put(key, view);
      undoComments.run();
    });
  }

  private void save() {
    ObjectNode root = JSON.createObjectNode();
    root.put("formatVersion", 1);
    root.put("nextTableId", nextTableId);
    ArrayNode schemaList = root.putArray("schemas");
    for (String schema : schemas()) {
      schemaList.addObject().put("name", schema).put("id", schemas.get(schema));
    }
    ArrayNode tables = root.putArray("tables");
    for (TableDef table : new TreeMap<>(tablesById).values()) {
      ObjectNode t = tables.addObject();
      t.put("id", table.id());
      t.put("schema", table.schema());
      t.put("name", table.name());
      writeColumns(t.putArray("columns"), table.columns());
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
      if (!table.indexes().isEmpty()) {
        ArrayNode indexes = t.putArray("indexes");
        for (IndexDef index : table.indexes()) {
          ObjectNode i = indexes.addObject();
          i.put("id", index.id());
          i.put("name", index.name());
          index.columns().forEach(i.putArray("columns")::add);
          i.put("unique", index.unique());
          i.put("primary", index.primary());
          i.put("constraint", index.constraint());
        }
      }
    }
    ArrayNode views = root.putArray("views");
    for (ViewDef view : new TreeMap<>(viewsByName).values()) {
      ObjectNode v = views.addObject();
      v.put("id", view.id());
      v.put("schema", view.schema());
      v.put("name", view.name());
      v.put("query", view.query());
      ArrayNode path = v.putArray("searchPath");
      view.searchPath().forEach(path::add);
      writeColumns(v.putArray("columns"), view.columns());
    }
    ArrayNode commentList = root.putArray("comments");
    comments().stream()
        .sorted(Comparator.comparingLong(ObjectComment::objectId)
            .thenComparing(ObjectComment::column))
        .forEach(c -> commentList.addObject().put("object", c.objectId())
            .put("column", c.column()).put("text", c.text()));
    try {
      DurableFiles.writeAtomically(file, JSON.writerWithDefaultPrettyPrinter()
          .writeValueAsBytes(root));
    } catch (IOException e) {
      throw DurableFiles.ioError("cannot write the catalog", e);
    }
  }

  private static void writeColumns(ArrayNode array, List<ColumnDef> columns) {
    for (ColumnDef column : columns) {
      ObjectNode c = array.addObject();
      c.put("name", column.name());
      c.put("type", column.type().id().name());
      c.put("precision", column.type().precision());
      c.put("scale", column.type().scale());
      c.put("nullable", column.nullable());
      if (column.defaultValue() != null) {
        c.put("default", column.defaultValue());
      }
    }
  }

  private static List<ColumnDef> readColumns(JsonNode array) {
    List<ColumnDef> columns = new ArrayList<>();
    for (JsonNode c : array) {
      DataType type = new DataType(TypeId.valueOf(c.get("type").asText()),
          c.get("precision").asInt(), c.get("scale").asInt());
      columns.add(new ColumnDef(c.get("name").asText(), type, c.get("nullable").asBoolean(),
          c.has("default") ? c.get("default").asText() : null));
    }
    return columns;
  }

  /** The catalog file as it is now: what a rolled back transaction block puts back. */
  public synchronized byte[] image() {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw DurableFiles.ioError("cannot read the catalog", e);
    }
  }

  /**
   * Puts back an earlier {@link #image}: the changes of a transaction block that did not commit
   * go. Ids handed out meanwhile are not handed out again (their files may still exist).
   */
  public synchronized void restore(byte[] image) {
    long next = nextTableId;
    tablesByName.clear();
    tablesById.clear();
    viewsByName.clear();
    schemas.clear();
    comments.clear();
    schemas.put(DEFAULT_SCHEMA, 0L);
    try {
      load(JSON.readTree(image));
    } catch (IOException | RuntimeException e) {
      throw new ExaException(SqlState.DATA_CORRUPTED,
          "cannot read the catalog's earlier image: " + e.getMessage(), e);
    }
    nextTableId = Math.max(next, nextTableId);
    save();
    version++;
  }

  /** Reads the catalog file; true when it was written by an older version (views without ids). */
  private boolean load() {
    try {
      return load(JSON.readTree(file.toFile()));
    } catch (IOException | RuntimeException e) {
      throw new ExaException(SqlState.DATA_CORRUPTED,
          "cannot read the catalog " + file + ": " + e.getMessage(), e);
    }
  }

  private boolean load(JsonNode root) {
    boolean older = false;
    nextTableId = root.get("nextTableId").asLong();
    if (root.has("schemas")) {
      schemas.clear();
      for (JsonNode schema : root.get("schemas")) {
        if (schema.isTextual()) {
          // Written before schemas had ids.
          older = true;
          schemas.put(schema.asText(), schema.asText().equals(DEFAULT_SCHEMA) ? 0
              : nextTableId++);
        } else {
          schemas.put(schema.get("name").asText(), schema.get("id").asLong());
        }
      }
    }
    for (JsonNode t : root.get("tables")) {
      List<ColumnDef> columns = readColumns(t.get("columns"));
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
      List<IndexDef> indexes = new ArrayList<>();
      if (t.has("indexes")) {
        for (JsonNode i : t.get("indexes")) {
          List<String> indexColumns = new ArrayList<>();
          i.get("columns").forEach(c -> indexColumns.add(c.asText()));
          indexes.add(new IndexDef(i.get("id").asLong(), i.get("name").asText(), indexColumns,
              i.get("unique").asBoolean(), i.get("primary").asBoolean(),
              i.get("constraint").asBoolean()));
        }
      }
      TableDef table = new TableDef(t.get("id").asLong(), t.get("schema").asText(),
          t.get("name").asText(), columns, partitioning, distribution, indexes);
      tablesByName.put(key(table.schema(), table.name()), table);
      tablesById.put(table.id(), table);
    }
    if (root.has("views")) {
      for (JsonNode v : root.get("views")) {
        List<String> path = new ArrayList<>();
        if (v.has("searchPath")) {
          v.get("searchPath").forEach(name -> path.add(name.asText()));
        } else {
          path.add(v.get("schema").asText());
        }
        older |= !v.has("id");
        long id = v.has("id") ? v.get("id").asLong() : nextTableId++;
        ViewDef view = new ViewDef(id, v.get("schema").asText(), v.get("name").asText(),
            v.get("query").asText(), readColumns(v.get("columns")), path);
        viewsByName.put(key(view.schema(), view.name()), view);
      }
    }
    if (root.has("comments")) {
      for (JsonNode c : root.get("comments")) {
        comments.put(new CommentKey(c.get("object").asLong(), c.get("column").asText()),
            c.get("text").asText());
      }
    }
    return older;
  }
}
