package io.exapg.planner.engine;

import io.exapg.core.engine.StatementResult;
import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.core.exec.ExecutionPlan;
import io.exapg.core.exec.QueryContext;
import io.exapg.core.expr.Call;
import io.exapg.core.expr.ColumnRef;
import io.exapg.core.expr.Expr;
import io.exapg.core.expr.Function;
import io.exapg.core.plan.InsertNode;
import io.exapg.core.plan.PlanNode;
import io.exapg.core.plan.ProjectNode;
import io.exapg.core.plan.ScanNode;
import io.exapg.core.type.DataType;
import io.exapg.planner.QueryPlanner;
import io.exapg.planner.catalog.SearchPath;
import io.exapg.planner.catalog.SystemSchema;
import io.exapg.planner.parser.ExaParser;
import io.exapg.planner.parser.SqlAlterRename;
import io.exapg.planner.parser.SqlAlterTableLayout;
import io.exapg.planner.parser.SqlComment;
import io.exapg.planner.parser.SqlColumnDefinition;
import io.exapg.planner.parser.SqlCreateIndex;
import io.exapg.planner.parser.SqlCreateTableStatement;
import io.exapg.planner.parser.SqlCreateViewStatement;
import io.exapg.planner.parser.SqlDistributeBy;
import io.exapg.planner.parser.SqlDropStatement;
import io.exapg.planner.parser.SqlPartitionBy;
import io.exapg.planner.parser.SqlTableLike;
import io.exapg.planner.parser.StatementSplitter;
import io.exapg.planner.plan.PlanBuilder;
import io.exapg.storage.catalog.Catalog;
import io.exapg.storage.catalog.ColumnDef;
import io.exapg.storage.catalog.PartitionSpec;
import io.exapg.storage.catalog.IndexDef;
import io.exapg.storage.catalog.Privilege;
import io.exapg.storage.catalog.TableDef;
import io.exapg.storage.catalog.ViewDef;
import io.exapg.storage.table.StorageTransaction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.ddl.SqlCreateSchema;

/**
 * CREATE TABLE [AS], ALTER TABLE (layout, RENAME), ALTER VIEW RENAME, DROP TABLE, CREATE
 * VIEW, DROP VIEW, CREATE SCHEMA, DROP SCHEMA and COMMENT ON.
 */
final class DdlExecutor {
  private final SqlEngine engine;
  private final SqlSession session;

  DdlExecutor(SqlEngine engine, SqlSession session) {
    this.engine = engine;
    this.session = session;
  }

  /**
   * Schema and name of a relation being created: an unqualified name goes to the first schema
   * on the search path.
   */
  private String[] newRelationName(SqlIdentifier identifier) {
    List<String> names = identifier.names;
    if (names.size() == 1) {
      return new String[] {session.searchPath().creationSchema(), names.get(0)};
    }
    if (names.size() == 2) {
      requireSchema(names.get(0));
    }
    return session.searchPath().relation(engine.storage().catalog(), names);
  }

  private void requireSchema(String schema) {
    if (!engine.storage().catalog().hasSchema(schema)) {
      throw new ExaException(SqlState.INVALID_SCHEMA_NAME,
          "schema \"" + schema + "\" does not exist");
    }
  }

  /** Schema and name of an existing relation (or of where it would be, for messages). */
  private String[] relationName(SqlIdentifier identifier) {
    return session.searchPath().relation(engine.storage().catalog(), identifier.names);
  }

  /** CREATE SCHEMA [IF NOT EXISTS]. */
  StatementResult createSchema(SqlCreateSchema create) {
    String name = create.name.getSimple();
    Catalog catalog = engine.storage().catalog();
    if (catalog.hasSchema(name) && create.ifNotExists) {
      session.notice("schema \"" + name + "\" already exists, skipping");
      return new StatementResult.Command("CREATE SCHEMA");
    }
    if (name.startsWith("pg_") || name.equals(SystemSchema.NAME)
        || name.equals("information_schema")) {
      throw new ExaException(SqlState.RESERVED_NAME, "unacceptable schema name \"" + name
          + "\"", 0, "The prefix \"pg_\" and the names information_schema and "
          + SystemSchema.NAME + " are reserved for system schemas.", null, null);
    }
    session.privileges().requireSuperuser("permission denied for database "
        + session.database());
    catalog.createSchema(name);
    session.becomeOwner(catalog.schemaId(name));
    return new StatementResult.Command("CREATE SCHEMA");
  }

  /**
   * DROP SCHEMA: with CASCADE, the schemas' views and tables go first, and so do views
   * elsewhere that read them; without it, a schema that holds anything is not dropped.
   */
  StatementResult dropSchema(SqlDropStatement drop) {
    Catalog catalog = engine.storage().catalog();
    List<String> schemas = new ArrayList<>();
    for (SqlIdentifier identifier : drop.identifiers()) {
      String name = identifier.getSimple();
      if (!catalog.hasSchema(name)) {
        if (drop.ifExists) {
          session.notice("schema \"" + name + "\" does not exist, skipping");
          continue;
        }
        throw new ExaException(SqlState.INVALID_SCHEMA_NAME,
            "schema \"" + name + "\" does not exist");
      }
      session.privileges().requireOwner(catalog.schemaId(name), "schema", name);
      schemas.add(name);
    }
    List<TableDef> tables = catalog.tables().stream()
        .filter(table -> schemas.contains(table.schema())).toList();
    List<ViewDef> views = catalog.views().stream()
        .filter(view -> schemas.contains(view.schema())).toList();
    if (!drop.cascade && (!tables.isEmpty() || !views.isEmpty())) {
      String schema = !tables.isEmpty() ? tables.get(0).schema() : views.get(0).schema();
      String detail = !tables.isEmpty() ? "table " + tables.get(0).qualifiedName()
          : "view " + views.get(0).qualifiedName();
      throw new ExaException(SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
          "cannot drop schema " + schema + " because other objects depend on it", 0,
          detail + " depends on schema " + schema,
          "Use DROP ... CASCADE to drop the dependent objects too.", null);
    }
    List<String> dropped = new ArrayList<>();
    tables.forEach(table -> dropped.add(table.qualifiedName()));
    views.forEach(view -> dropped.add(view.qualifiedName()));
    List<ViewDef> dependents = dependentViews(dropped, true, "table");
    int cascaded = dropped.size() + dependents.size();
    if (cascaded > 0) {
      session.notice("drop cascades to " + cascaded + (cascaded == 1 ? " other object"
          : " other objects"));
    }
    for (ViewDef view : dependents) {
      dropView(view);
    }
    for (ViewDef view : views) {
      dropView(view);
    }
    for (TableDef table : tables) {
      dropTable(table);
    }
    for (String schema : schemas) {
      long id = catalog.schemaId(schema);
      catalog.dropSchema(schema);
      engine.storage().access().forget(id);
    }
    return new StatementResult.Command("DROP SCHEMA");
  }

  StatementResult createTable(SqlCreateTableStatement create, StatementSplitter.Piece piece) {
    if (create.getReplace()) {
      throw ExaException.notSupported("CREATE OR REPLACE TABLE");
    }
    if (create.temporary) {
      throw ExaException.notSupported("temporary tables");
    }
    String[] name = newRelationName(create.name);
    if (engine.storage().catalog().table(name[0], name[1]) != null) {
      if (create.ifNotExists) {
        session.notice("relation \"" + name[1] + "\" already exists, skipping");
        return new StatementResult.Command("CREATE TABLE");
      }
      throw new ExaException(SqlState.DUPLICATE_TABLE,
          "relation \"" + name[1] + "\" already exists");
    }
    session.privileges().requireSchema(name[0], Privilege.CREATE);
    if (create.query != null) {
      if (!create.constraints().isEmpty()) {
        throw ExaException.notSupported("constraints together with AS query");
      }
      return createTableAs(create, name, piece);
    }
    List<ColumnDef> columns = new ArrayList<>();
    List<IndexDef> copiedKeys = new ArrayList<>();
    Map<String, String> copiedComments = new HashMap<>();
    for (SqlNode element : create.elements) {
      if (element instanceof SqlTableLike like) {
        columns.addAll(likeColumns(like, copiedKeys, copiedComments));
      } else if (element instanceof SqlColumnDefinition column) {
        DataType type = TypeResolver.resolve(column.type);
        String defaultValue = null;
        if (column.defaultValue != null) {
          defaultValue = DefaultExpressions.text(piece, column.defaultValue);
          DefaultExpressions.plan(engine, session, defaultValue, type);
        }
        columns.add(new ColumnDef(column.name.getSimple(), type, !column.notNull,
            defaultValue));
      }
    }
    Set<String> names = new HashSet<>();
    for (ColumnDef column : columns) {
      if (!names.add(column.name())) {
        throw new ExaException(SqlState.DUPLICATE_COLUMN,
            "column \"" + column.name() + "\" specified more than once");
      }
    }
    if (columns.isEmpty()) {
      throw ExaException.notSupported("tables without columns");
    }
    List<IndexDef> indexes = TableKeys.declared(name[1], create, columns, copiedKeys);
    columns = TableKeys.primaryKeyColumnsNotNull(columns, indexes);
    TableDef table = engine.storage().createTable(name[0], name[1], columns,
        partitioning(create, columns), distribution(create, columns), indexes,
        session.transaction());
    session.becomeOwner(table.id());
    copiedComments.forEach((column, text) ->
        engine.storage().catalog().setComment(table.id(), column, text));
    return new StatementResult.Command("CREATE TABLE");
  }

  /**
   * The columns LIKE copies (names, types, NOT NULL, as PostgreSQL always does); with
   * INCLUDING INDEXES also the source's primary key and unique constraints (named for the new
   * table), with INCLUDING COMMENTS its column comments, with INCLUDING DEFAULTS the columns'
   * DEFAULT expressions. The other options name what ExaPG tables do not have (identity,
   * generated columns, ...) and copy nothing.
   */
  private List<ColumnDef> likeColumns(SqlTableLike like, List<IndexDef> keys,
      Map<String, String> comments) {
    Catalog catalog = engine.storage().catalog();
    NamedRelation source = NamedRelation.require(catalog, session.searchPath(), like.source);
    session.privileges().requireTable(source.id(), source.name(), Privilege.SELECT);
    if (source.table() != null && like.includes("INDEXES")) {
      source.table().indexes().stream().filter(IndexDef::constraint).forEach(keys::add);
    }
    if (like.includes("COMMENTS")) {
      for (ColumnDef column : source.columns()) {
        String text = catalog.comment(source.id(), column.name());
        if (text != null) {
          comments.put(column.name(), text);
        }
      }
    }
    if (like.includes("DEFAULTS")) {
      return source.columns();
    }
    return source.columns().stream().map(c -> c.withDefault(null)).toList();
  }

  private static PartitionSpec partitioning(SqlCreateTableStatement create,
      List<ColumnDef> columns) {
    SqlPartitionBy clause = create.partitionBy();
    return clause == null ? null : TableLayouts.partitioning(clause, columns);
  }

  private static List<String> distribution(SqlCreateTableStatement create,
      List<ColumnDef> columns) {
    SqlDistributeBy clause = create.distributeBy();
    return clause == null ? List.of() : TableLayouts.distribution(clause, columns);
  }

  private StatementResult createTableAs(SqlCreateTableStatement create, String[] name,
      StatementSplitter.Piece piece) {
    if (!create.columns().isEmpty()
        || create.elements.stream().anyMatch(SqlTableLike.class::isInstance)) {
      throw ExaException.notSupported("column definitions together with AS query");
    }
    QueryPlanner.PreparedPlan plan = engine.planner().plan(
        () -> ((SqlCreateTableStatement) ExaParser.parse(piece)).query, piece, List.of(),
        session.searchPath());
    session.privileges().check(plan.accesses());
    PlanNode query = new PlanBuilder(plan.rexBuilder(), plan.parameters(), new Object[0],
        session.statementContext()).build(plan.physical());
    List<ColumnDef> columns = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int c = 0; c < query.outputTypes().size(); c++) {
      String columnName = plan.columns().get(c).name();
      if (!names.add(columnName)) {
        throw new ExaException(SqlState.DUPLICATE_COLUMN,
            "column \"" + columnName + "\" specified more than once");
      }
      columns.add(new ColumnDef(columnName, query.outputTypes().get(c), true));
    }
    StorageTransaction block = session.transaction();
    TableDef table = engine.storage().createTable(name[0], name[1], columns,
        partitioning(create, columns), distribution(create, columns), List.of(), block);
    session.becomeOwner(table.id());
    boolean loaded = false;
    // In a transaction block the rows are the block's, and go if it does not commit.
    StorageTransaction transaction = block != null ? block : engine.storage().begin();
    try (QueryContext context = new QueryContext(engine.memory().newChildAllocator("ctas",
        engine.options().queryMemoryLimitBytes()), new Object[0],
        engine.storage().tableStore(transaction), engine.workers())) {
      List<Expr> projection = new ArrayList<>();
      for (int c = 0; c < columns.size(); c++) {
        DataType type = query.outputTypes().get(c);
        projection.add(type.equals(columns.get(c).type()) ? new ColumnRef(c, type)
            : new Call(Function.ASSIGN_CAST, List.of(new ColumnRef(c, type)),
                columns.get(c).type()));
      }
      PlanNode insert = new InsertNode(new ProjectNode(query, projection), table.id(),
          table.qualifiedName());
      long rows;
      try (ExecutionPlan execution = ExecutionPlan.build(insert, context)) {
        execution.run();
        rows = execution.modifiedRows();
      }
      if (block == null) {
        engine.storage().commit(transaction);
      }
      loaded = true;
      return new StatementResult.Command("SELECT " + rows);
    } finally {
      if (!loaded && block == null) {
        transaction.rollback();
        dropTable(table);
      }
    }
  }

  /**
   * ALTER TABLE ... PARTITION BY / DISTRIBUTE BY / DROP ... KEYS: records the new layout, then
   * moves every row into it in one transaction (a crash in between leaves the rows where they
   * were, still correct; running the statement again moves them).
   */
  StatementResult alterTable(SqlAlterTableLayout alter) {
    String[] name = relationName(alter.name);
    if (alter.ifExists && engine.storage().catalog().table(name[0], name[1]) == null) {
      session.notice("relation \"" + name[1] + "\" does not exist, skipping");
      return new StatementResult.Command("ALTER TABLE");
    }
    TableDef table = resolveTable(engine.storage().catalog(), session.searchPath(), alter.name);
    session.privileges().requireOwner(table.id(), "table", table.name());
    PartitionSpec partitioning = table.partitioning();
    List<String> distribution = table.distribution();
    if (alter.partitionBy != null) {
      partitioning = TableLayouts.partitioning(alter.partitionBy, table.columns());
    }
    if (alter.dropPartitioning) {
      partitioning = null;
    }
    if (alter.distributeBy != null) {
      distribution = TableLayouts.distribution(alter.distributeBy, table.columns());
    }
    if (alter.dropDistribution) {
      distribution = List.of();
    }
    boolean repartition = !Objects.equals(partitioning, table.partitioning());
    TableDef changed = engine.storage().changeLayout(table, partitioning, distribution);
    if (repartition) {
      moveRows(changed);
    }
    return new StatementResult.Command("ALTER TABLE");
  }

  /**
   * ALTER TABLE | VIEW ... RENAME: a relation or a column gets a new name in the catalog.
   * Views keep their query as text, so a view that reads the relation is checked again
   * afterwards; if it no longer finds what it read, the rename is undone (0A000), where
   * PostgreSQL would rewrite the view.
   */
  StatementResult rename(SqlAlterRename rename) {
    Catalog catalog = engine.storage().catalog();
    NamedRelation relation = NamedRelation.find(catalog, session.searchPath(), rename.name);
    if (relation == null && rename.ifExists) {
      session.notice("relation \"" + relationName(rename.name)[1]
          + "\" does not exist, skipping");
      return new StatementResult.Command(rename.command());
    }
    relation = NamedRelation.require(catalog, session.searchPath(), rename.name);
    if (rename.view) {
      relation.requireView();
    }
    long id = relation.id();
    String schema = relation.schema();
    String name = relation.name();
    session.privileges().requireOwner(id, relation.kind(), name);
    String qualified = schema + "." + name;
    List<ViewDef> readers = engine.storage().catalog().views().stream()
        .filter(v -> v.id() != id && engine.planner().dependencies(v).contains(qualified))
        .toList();
    String newName = rename.newName.getSimple();
    TableDef table = relation.table();
    ViewDef view = relation.view();
    if (rename.column == null) {
      renameRelation(table, view, newName);
      recheckReaders(readers, schema + "." + newName,
          () -> renameRelation(catalog.table(id), catalog.view(schema, newName), name),
          "relation \"" + name + "\"");
      return new StatementResult.Command(rename.command());
    }
    String column = rename.column.getSimple();
    List<ColumnDef> columns = relation.columns();
    if (columns.stream().noneMatch(c -> c.name().equals(column))) {
      throw new ExaException(SqlState.UNDEFINED_COLUMN,
          "column \"" + column + "\" does not exist");
    }
    if (columns.stream().anyMatch(c -> c.name().equals(newName))) {
      throw new ExaException(SqlState.DUPLICATE_COLUMN, "column \"" + newName
          + "\" of relation \"" + name + "\" already exists");
    }
    renameColumn(table, view, column, newName);
    recheckReaders(readers, qualified,
        () -> renameColumn(catalog.table(id), catalog.view(schema, name), newName, column),
        "column \"" + column + "\" of relation \"" + name + "\"");
    return new StatementResult.Command(rename.command());
  }

  private void renameRelation(TableDef table, ViewDef view, String newName) {
    if (table != null) {
      engine.storage().renameTable(table, newName);
    } else {
      engine.storage().catalog().renameView(view, null, newName);
    }
  }

  private void renameColumn(TableDef table, ViewDef view, String column, String newName) {
    if (table != null) {
      engine.storage().renameColumn(table, column, newName);
    } else {
      engine.storage().catalog().renameView(view, column, newName);
    }
  }

  /**
   * Checks that every view which read the renamed relation still reads it under its new
   * name; otherwise undoes the rename and refuses it.
   */
  private void recheckReaders(List<ViewDef> readers, String renamedRelation, Runnable undo,
      String renamed) {
    Catalog catalog = engine.storage().catalog();
    for (ViewDef reader : readers) {
      ViewDef current = catalog.view(reader.schema(), reader.name());
      if (!engine.planner().dependencies(current).contains(renamedRelation)) {
        undo.run();
        throw new ExaException(SqlState.FEATURE_NOT_SUPPORTED, "cannot rename " + renamed
            + " because view " + reader.name() + " refers to it by name", 0,
            "ExaPG keeps a view's query as written and does not rewrite it.",
            "Drop the view, rename, and create the view again.", null);
      }
    }
  }

  /**
   * COMMENT ON TABLE | VIEW | SCHEMA | COLUMN ... IS 'text' | NULL: sets or removes the
   * comment on an object its owner names; an empty text removes it, as in PostgreSQL.
   */
  StatementResult comment(SqlComment comment) {
    Catalog catalog = engine.storage().catalog();
    String text = comment.text == null || comment.text.isEmpty() ? null : comment.text;
    switch (comment.kind) {
      case SCHEMA -> {
        String schema = comment.name.getSimple();
        if (!catalog.hasSchema(schema)) {
          throw new ExaException(SqlState.INVALID_SCHEMA_NAME,
              "schema \"" + schema + "\" does not exist");
        }
        long id = catalog.schemaId(schema);
        session.privileges().requireOwner(id, "schema", schema);
        catalog.setComment(id, "", text);
      }
      case TABLE, VIEW -> {
        long id = commentedRelation(comment.name, comment.kind);
        catalog.setComment(id, "", text);
      }
      case COLUMN -> {
        List<String> names = comment.name.names;
        if (names.size() < 2) {
          throw new ExaException(SqlState.SYNTAX_ERROR,
              "column name must be qualified");
        }
        SqlIdentifier relation = comment.name.getComponent(0, names.size() - 1);
        long id = commentedRelation(relation, null);
        String column = names.get(names.size() - 1);
        List<ColumnDef> columns = NamedRelation.require(catalog, session.searchPath(), relation)
            .columns();
        if (columns.stream().noneMatch(c -> c.name().equals(column))) {
          throw new ExaException(SqlState.UNDEFINED_COLUMN, "column \"" + column
              + "\" of relation \"" + relation.names.get(relation.names.size() - 1)
              + "\" does not exist");
        }
        catalog.setComment(id, column, text);
      }
      default -> throw ExaException.notSupported("COMMENT ON " + comment.kind.name()
          + " (ExaPG keeps comments on schemas, tables, views and columns)");
    }
    return new StatementResult.Command("COMMENT");
  }

  /**
   * The id of the table or view a COMMENT names, which the session's role must own; kind
   * TABLE or VIEW requires that kind, null takes either.
   */
  private long commentedRelation(SqlIdentifier identifier, SqlComment.ObjectKind kind) {
    NamedRelation relation = NamedRelation.require(engine.storage().catalog(),
        session.searchPath(), identifier);
    if (kind == SqlComment.ObjectKind.TABLE && relation.table() == null
        || kind == SqlComment.ObjectKind.VIEW && relation.view() == null) {
      throw new ExaException(SqlState.WRONG_OBJECT_TYPE, "\"" + relation.name() + "\" is not a "
          + kind.name().toLowerCase(Locale.ROOT));
    }
    session.privileges().requireOwner(relation.id(), relation.kind(), relation.name());
    return relation.id();
  }


  /** Re-inserts every row of a table (now in its new layout) and deletes the old copies. */
  private void moveRows(TableDef table) {
    boolean moved = false;
    StorageTransaction transaction = engine.storage().begin();
    try (QueryContext context = new QueryContext(engine.memory().newChildAllocator("alter",
        engine.options().queryMemoryLimitBytes()), new Object[0],
        engine.storage().tableStore(transaction), engine.workers())) {
      List<Integer> columns = new ArrayList<>();
      for (int c = 0; c < table.columns().size(); c++) {
        columns.add(c);
      }
      PlanNode copy = new InsertNode(new ScanNode(table.id(), table.qualifiedName(), columns,
          table.columnTypes(), List.of()), table.id(), table.qualifiedName());
      try (ExecutionPlan execution = ExecutionPlan.build(copy, context)) {
        execution.run();
      }
      engine.storage().deleteCommitted(transaction, table.id());
      engine.storage().commit(transaction);
      moved = true;
    } finally {
      if (!moved) {
        transaction.rollback();
      }
    }
  }

  /**
   * CREATE [UNIQUE] INDEX: recorded in the catalog; a unique one is checked against the rows
   * there are and enforced from then on.
   */
  StatementResult createIndex(SqlCreateIndex create) {
    Catalog catalog = engine.storage().catalog();
    String[] tableName = relationName(create.table);
    TableDef table = catalog.table(tableName[0], tableName[1]);
    if (table == null && catalog.view(tableName[0], tableName[1]) != null) {
      throw new ExaException(SqlState.WRONG_OBJECT_TYPE,
          "cannot create index on relation \"" + tableName[1] + "\"", 0,
          "This operation is not supported for views.", null, null);
    }
    table = resolveTable(catalog, session.searchPath(), create.table);
    session.privileges().requireOwner(table.id(), "table", table.name());
    if (create.unsupported != null) {
      throw ExaException.notSupported(create.unsupported);
    }
    List<String> columns = new ArrayList<>();
    for (SqlNode node : create.columns) {
      String column = ((SqlIdentifier) node).getSimple();
      if (table.columnIndex(column) < 0) {
        throw new ExaException(SqlState.UNDEFINED_COLUMN,
            "column \"" + column + "\" does not exist");
      }
      columns.add(column);
    }
    String name = create.name != null ? create.name.getSimple() : null;
    if (name == null) {
      String base = table.name() + "_" + String.join("_", columns) + "_idx";
      name = base;
      for (int n = 1; catalog.indexOwner(table.schema(), name) != null
          || catalog.table(table.schema(), name) != null
          || catalog.view(table.schema(), name) != null; n++) {
        name = base + n;
      }
    } else if (create.ifNotExists && (catalog.indexOwner(table.schema(), name) != null
        || catalog.table(table.schema(), name) != null
        || catalog.view(table.schema(), name) != null)) {
      session.notice("relation \"" + name + "\" already exists, skipping");
      return new StatementResult.Command("CREATE INDEX");
    }
    IndexDef index = new IndexDef(0, name, columns, create.unique, false, false);
    if (create.unique) {
      StorageTransaction block = session.transaction();
      StorageTransaction reading = block != null ? block : engine.storage().begin();
      String duplicate;
      try {
        duplicate = session.duplicateKey(table, index, reading);
      } finally {
        if (block == null) {
          reading.rollback();
        }
      }
      if (duplicate != null) {
        throw new ExaException(SqlState.UNIQUE_VIOLATION, "could not create unique index \""
            + name + "\"", 0, "Key (" + String.join(", ", columns) + ")=(" + duplicate
            + ") is duplicated.", null, null);
      }
    }
    catalog.addIndex(table, index);
    return new StatementResult.Command("CREATE INDEX");
  }

  /** DROP INDEX: indexes made by CREATE INDEX; constraints' indexes go with the table. */
  StatementResult dropIndex(SqlDropStatement drop) {
    Catalog catalog = engine.storage().catalog();
    for (SqlIdentifier identifier : drop.identifiers()) {
      String name = identifier.names.get(identifier.names.size() - 1);
      List<String> schemas = identifier.names.size() > 1
          ? List.of(identifier.names.get(identifier.names.size() - 2))
          : session.searchPath().schemas();
      TableDef table = null;
      for (String schema : schemas) {
        table = catalog.indexOwner(schema, name);
        if (table != null) {
          break;
        }
      }
      if (table == null) {
        if (drop.ifExists) {
          session.notice("index \"" + name + "\" does not exist, skipping");
          continue;
        }
        throw new ExaException(SqlState.UNDEFINED_OBJECT,
            "index \"" + name + "\" does not exist");
      }
      IndexDef index = table.indexes().stream().filter(i -> i.name().equals(name))
          .findFirst().orElseThrow();
      if (index.constraint()) {
        throw new ExaException(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop index "
            + name + " because constraint " + name + " on table " + table.name()
            + " requires it", 0, null, "You can drop constraint " + name + " on table "
            + table.name() + " instead.", null);
      }
      session.privileges().requireOwner(table.id(), "index", name);
      catalog.replaceTable(table.withIndexes(table.indexes().stream()
          .filter(i -> !i.name().equals(name)).toList()));
    }
    return new StatementResult.Command("DROP INDEX");
  }

  /** The table a name refers to, or 42P01. */
  static TableDef resolveTable(Catalog catalog, SearchPath searchPath,
      SqlIdentifier identifier) {
    String[] name = searchPath.relation(catalog, identifier.names);
    TableDef table = catalog.table(name[0], name[1]);
    if (table == null) {
      throw new ExaException(SqlState.UNDEFINED_TABLE,
          "relation \"" + String.join(".", identifier.names) + "\" does not exist");
    }
    return table;
  }

  StatementResult dropTable(SqlDropStatement drop) {
    List<TableDef> tables = new ArrayList<>();
    for (SqlIdentifier identifier : drop.identifiers()) {
      String[] name = relationName(identifier);
      TableDef table = engine.storage().catalog().table(name[0], name[1]);
      if (table == null && engine.storage().catalog().view(name[0], name[1]) != null) {
        throw new ExaException(SqlState.WRONG_OBJECT_TYPE, "\"" + name[1] + "\" is not a table",
            0, null, "Use DROP VIEW to remove a view.", null);
      }
      if (table == null) {
        if (drop.ifExists) {
          session.notice("table \"" + name[1] + "\" does not exist, skipping");
          continue;
        }
        throw new ExaException(SqlState.UNDEFINED_TABLE,
            "table \"" + name[1] + "\" does not exist");
      }
      session.privileges().requireOwner(table.id(), "table", table.name());
      tables.add(table);
    }
    List<String> dropped = tables.stream().map(TableDef::qualifiedName).toList();
    List<ViewDef> dependents = dependentViews(dropped, drop.cascade, "table");
    for (ViewDef view : dependents) {
      dropView(view);
    }
    for (TableDef table : tables) {
      dropTable(table);
    }
    return new StatementResult.Command("DROP TABLE");
  }

  /** Drops a table, its owner and the privileges on it. */
  private void dropTable(TableDef table) {
    engine.storage().dropTable(table, session.transaction());
    engine.storage().access().forget(table.id());
  }

  private void dropView(ViewDef view) {
    engine.storage().catalog().dropView(view);
    engine.storage().access().forget(view.id());
  }

  /**
   * The views that read any of the named tables or views, directly or through other views;
   * without CASCADE, their existence is an error (2BP01).
   */
  private List<ViewDef> dependentViews(List<String> dropped, boolean cascade, String kind) {
    List<ViewDef> dependents = new ArrayList<>();
    for (ViewDef view : engine.storage().catalog().views()) {
      if (dropped.contains(view.qualifiedName())) {
        continue;
      }
      Set<String> reads = engine.planner().dependencies(view);
      for (String name : dropped) {
        if (reads.contains(name)) {
          if (!cascade) {
            throw new ExaException(SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
                "cannot drop " + kind + " " + unqualified(name)
                    + " because other objects depend on it", 0,
                "view " + view.name() + " depends on " + kind + " " + unqualified(name),
                "Use DROP ... CASCADE to drop the dependent objects too.", null);
          }
          dependents.add(view);
          break;
        }
      }
    }
    return dependents;
  }

  private static String unqualified(String qualifiedName) {
    return qualifiedName.substring(qualifiedName.indexOf('.') + 1);
  }

  /** CREATE [OR REPLACE] VIEW: plans the query now, to check it and to record its columns. */
  StatementResult createView(SqlCreateViewStatement create, StatementSplitter.Piece piece) {
    String[] name = newRelationName(create.name);
    Catalog catalog = engine.storage().catalog();
    if (catalog.view(name[0], name[1]) != null && !create.getReplace()
        || catalog.table(name[0], name[1]) != null) {
      throw new ExaException(SqlState.DUPLICATE_TABLE,
          "relation \"" + name[1] + "\" already exists");
    }
    session.privileges().requireSchema(name[0], Privilege.CREATE);
    if (catalog.view(name[0], name[1]) != null) {
      session.privileges().requireOwner(catalog.view(name[0], name[1]).id(), "view", name[1]);
    }
    if (!piece.parameters().isEmpty()) {
      throw new ExaException(SqlState.UNDEFINED_PARAMETER,
          "there is no parameter $" + (piece.parameters().get(0) + 1));
    }
    QueryPlanner.PreparedPlan plan = engine.planner().plan(
        () -> ((SqlCreateViewStatement) ExaParser.parse(piece)).query, piece, List.of(),
        session.searchPath());
    List<String> columnNames = new ArrayList<>();
    for (var column : plan.columns()) {
      columnNames.add(column.name());
    }
    if (create.columns != null) {
      if (create.columns.size() > columnNames.size()) {
        throw new ExaException(SqlState.SYNTAX_ERROR,
            "CREATE VIEW specifies more column names than columns");
      }
      for (int c = 0; c < create.columns.size(); c++) {
        columnNames.set(c, ((SqlIdentifier) create.columns.get(c)).getSimple());
      }
    }
    List<ColumnDef> columns = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int c = 0; c < columnNames.size(); c++) {
      if (!seen.add(columnNames.get(c))) {
        throw new ExaException(SqlState.DUPLICATE_COLUMN,
            "column \"" + columnNames.get(c) + "\" specified more than once");
      }
      columns.add(new ColumnDef(columnNames.get(c), plan.columns().get(c).type(), true));
    }
    ViewDef before = catalog.view(name[0], name[1]);
    if (before != null && !sameLeadingColumns(before.columns(), columns)) {
      throw new ExaException(SqlState.INVALID_TABLE_DEFINITION,
          "cannot change the columns of view \"" + name[1] + "\" (a replacing query must"
              + " return the same columns first, in the same order and of the same types)");
    }
    ViewDef view = catalog.createView(name[0], name[1], create.queryText(piece.text()),
        columns, session.searchPath().schemas(), create.getReplace());
    if (before == null) {
      session.becomeOwner(view.id());
    }
    return new StatementResult.Command("CREATE VIEW");
  }

  private static boolean sameLeadingColumns(List<ColumnDef> before, List<ColumnDef> after) {
    if (after.size() < before.size()) {
      return false;
    }
    for (int c = 0; c < before.size(); c++) {
      if (!before.get(c).name().equals(after.get(c).name())
          || !before.get(c).type().equals(after.get(c).type())) {
        return false;
      }
    }
    return true;
  }

  StatementResult dropView(SqlDropStatement drop) {
    Catalog catalog = engine.storage().catalog();
    List<ViewDef> views = new ArrayList<>();
    for (SqlIdentifier identifier : drop.identifiers()) {
      String[] name = relationName(identifier);
      ViewDef view = catalog.view(name[0], name[1]);
      if (view == null) {
        if (catalog.table(name[0], name[1]) != null) {
          throw new ExaException(SqlState.WRONG_OBJECT_TYPE,
              "\"" + name[1] + "\" is not a view", 0, null,
              "Use DROP TABLE to remove a table.", null);
        }
        if (drop.ifExists) {
          session.notice("view \"" + name[1] + "\" does not exist, skipping");
          continue;
        }
        throw new ExaException(SqlState.UNDEFINED_TABLE,
            "view \"" + name[1] + "\" does not exist");
      }
      session.privileges().requireOwner(view.id(), "view", view.name());
      views.add(view);
    }
    List<String> dropped = views.stream().map(ViewDef::qualifiedName).toList();
    List<ViewDef> dependents = dependentViews(dropped, drop.cascade, "view");
    for (ViewDef view : dependents) {
      dropView(view);
    }
    for (ViewDef view : views) {
      dropView(view);
    }
    return new StatementResult.Command("DROP VIEW");
  }
}
