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
import io.exapg.core.expr.Literal;
import io.exapg.core.plan.InsertNode;
import io.exapg.core.plan.PlanNode;
import io.exapg.core.plan.ProjectNode;
import io.exapg.core.plan.ScanNode;
import io.exapg.core.type.DataType;
import io.exapg.planner.parser.SqlAlterColumns;
import io.exapg.planner.parser.SqlColumnDefinition;
import io.exapg.planner.parser.SqlTableConstraint;
import io.exapg.planner.parser.StatementSplitter;
import io.exapg.storage.catalog.AccessControl;
import io.exapg.storage.catalog.Catalog;
import io.exapg.storage.catalog.ColumnDef;
import io.exapg.storage.catalog.IndexDef;
import io.exapg.storage.catalog.PartitionSpec;
import io.exapg.storage.catalog.Privilege;
import io.exapg.storage.catalog.TableDef;
import io.exapg.storage.catalog.ViewDef;
import io.exapg.storage.table.StorageTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ALTER TABLE ... ADD COLUMN, DROP COLUMN, ALTER COLUMN TYPE, SET / DROP NOT NULL and SET /
 * DROP DEFAULT. Defaults live in the catalog only. Segments hold a table's columns by
 * position with the table's types, so any other change writes the table anew: inside the
 * session's transaction block (the session opens one for a single statement), the table is
 * dropped and created again under its name with the new columns, its owner, privileges and
 * comments, and its rows copied through a projection (the default or NULL for a new column,
 * an assignment cast for a new type). A crash or rollback leaves the old table.
 */
final class ColumnAlteration {
  private final SqlEngine engine;
  private final SqlSession session;
  private final List<ColumnDef> columns = new ArrayList<>();
  /** Per new column, its value computed from a row of the old table. */
  private final List<Expr> sources = new ArrayList<>();
  private final List<String> droppedColumns = new ArrayList<>();
  private boolean cascade;
  private boolean typeChanged;
  private StatementSplitter.Piece piece;

  ColumnAlteration(SqlEngine engine, SqlSession session) {
    this.engine = engine;
    this.session = session;
  }

  StatementResult execute(SqlAlterColumns alter, StatementSplitter.Piece piece) {
    this.piece = piece;
    Catalog catalog = engine.storage().catalog();
    NamedRelation relation = NamedRelation.find(catalog, session.searchPath(), alter.name);
    if (relation == null && alter.ifExists) {
      session.notice("relation \"" + alter.name.names.get(alter.name.names.size() - 1)
          + "\" does not exist, skipping");
      return new StatementResult.Command("ALTER TABLE");
    }
    relation = NamedRelation.require(catalog, session.searchPath(), alter.name);
    TableDef table = relation.table();
    if (table == null) {
      throw new ExaException(SqlState.WRONG_OBJECT_TYPE,
          "\"" + relation.name() + "\" is not a table");
    }
    session.privileges().requireOwner(table.id(), "table", table.name());
    for (int c = 0; c < table.columns().size(); c++) {
      columns.add(table.columns().get(c));
      sources.add(new ColumnRef(c, table.columnTypes().get(c)));
    }
    for (SqlAlterColumns.Action action : alter.actions) {
      apply(table, action);
    }
    if (columns.equals(table.columns()) && !typeChanged) {
      return new StatementResult.Command("ALTER TABLE");
    }
    if (columns.isEmpty()) {
      throw ExaException.notSupported("tables without columns");
    }
    if (withoutDefaults(columns).equals(withoutDefaults(table.columns())) && !typeChanged) {
      engine.storage().changeDefaults(table, columns);
      return new StatementResult.Command("ALTER TABLE");
    }
    rewrite(table);
    return new StatementResult.Command("ALTER TABLE");
  }

  private void apply(TableDef table, SqlAlterColumns.Action action) {
    switch (action.kind()) {
      case ADD -> add(table, action);
      case DROP -> drop(table, action);
      case TYPE -> {
        int at = require(table, action.column().getSimple());
        if (action.using() != null) {
          throw ExaException.notSupported("ALTER COLUMN ... TYPE ... USING");
        }
        ColumnDef column = columns.get(at);
        requireNotPartitionColumn(table, column.name(), "change the type of");
        DataType type = TypeResolver.resolve(action.type());
        if (!assignable(column.type(), type)) {
          throw new ExaException(SqlState.DATATYPE_MISMATCH, "column \"" + column.name()
              + "\" cannot be cast automatically to type " + type.sqlName(), 0, null,
              "ExaPG has no USING clause yet: add a column, UPDATE it, and drop the old one.",
              null);
        }
        if (!type.equals(column.type())) {
          columns.set(at, new ColumnDef(column.name(), type, column.nullable(),
              column.defaultValue()));
          sources.set(at, new Call(Function.ASSIGN_CAST, List.of(sources.get(at)), type));
          typeChanged = true;
        }
      }
      case SET_NOT_NULL -> {
        int at = require(table, action.column().getSimple());
        ColumnDef column = columns.get(at);
        columns.set(at, new ColumnDef(column.name(), column.type(), false,
            column.defaultValue()));
      }
      case DROP_NOT_NULL -> {
        int at = require(table, action.column().getSimple());
        ColumnDef column = columns.get(at);
        boolean inPrimaryKey = table.indexes().stream().anyMatch(index -> index.primary()
            && index.columns().contains(column.name()));
        if (inPrimaryKey) {
          throw new ExaException(SqlState.INVALID_TABLE_DEFINITION,
              "column \"" + column.name() + "\" is in a primary key");
        }
        columns.set(at, new ColumnDef(column.name(), column.type(), true,
            column.defaultValue()));
      }
      case SET_DEFAULT -> {
        int at = require(table, action.column().getSimple());
        ColumnDef column = columns.get(at);
        String text = DefaultExpressions.text(piece, action.definition());
        DefaultExpressions.plan(engine, session, text, column.type());
        columns.set(at, column.withDefault(text));
      }
      case DROP_DEFAULT -> {
        int at = require(table, action.column().getSimple());
        columns.set(at, columns.get(at).withDefault(null));
      }
    }
  }

  private void add(TableDef table, SqlAlterColumns.Action action) {
    if (!(action.definition() instanceof SqlColumnDefinition definition)) {
      SqlTableConstraint constraint = (SqlTableConstraint) action.definition();
      throw ExaException.notSupported("ALTER TABLE ... ADD " + constraint.kind.sql);
    }
    String name = definition.name.getSimple();
    if (indexOf(name) >= 0) {
      if (action.ifExists()) {
        session.notice("column \"" + name + "\" of relation \"" + table.name()
            + "\" already exists, skipping");
        return;
      }
      throw new ExaException(SqlState.DUPLICATE_COLUMN,
          "column \"" + name + "\" of relation \"" + table.name() + "\" already exists");
    }
    if (definition.primaryKey || definition.unique) {
      throw ExaException.notSupported("ALTER TABLE ... ADD COLUMN with PRIMARY KEY or UNIQUE");
    }
    DataType type = TypeResolver.resolve(definition.type);
    if (definition.defaultValue == null) {
      columns.add(new ColumnDef(name, type, !definition.notNull));
      sources.add(Literal.nullOf(type));
      return;
    }
    // The rows there are get the default too, evaluated for each, as in PostgreSQL.
    String text = DefaultExpressions.text(piece, definition.defaultValue);
    sources.add(DefaultExpressions.plan(engine, session, text, type));
    columns.add(new ColumnDef(name, type, !definition.notNull, text));
  }

  private void drop(TableDef table, SqlAlterColumns.Action action) {
    String name = action.column().getSimple();
    int at = indexOf(name);
    if (at < 0) {
      if (action.ifExists()) {
        session.notice("column \"" + name + "\" of relation \"" + table.name()
            + "\" does not exist, skipping");
        return;
      }
      throw missing(table, name);
    }
    requireNotPartitionColumn(table, name, "drop");
    columns.remove(at);
    sources.remove(at);
    droppedColumns.add(name);
    cascade |= action.cascade();
  }

  /** Whether PostgreSQL converts the values without USING (an implicit or assignment cast). */
  private static boolean assignable(DataType from, DataType to) {
    return from.id() == to.id() || to.isString() || (from.isNumeric() && to.isNumeric())
        || (from.isDatetime() && to.isDatetime());
  }

  private void requireNotPartitionColumn(TableDef table, String column, String verb) {
    PartitionSpec partitioning = table.partitioning();
    if (partitioning != null && partitioning.column().equals(column)) {
      throw ExaException.notSupported("ALTER TABLE ... to " + verb + " the partition column \""
          + column + "\" (ALTER TABLE ... DROP PARTITION KEYS first)");
    }
  }

  private static List<ColumnDef> withoutDefaults(List<ColumnDef> columns) {
    return columns.stream().map(c -> c.withDefault(null)).toList();
  }

  private int require(TableDef table, String name) {
    int at = indexOf(name);
    if (at < 0) {
      throw missing(table, name);
    }
    return at;
  }

  private static ExaException missing(TableDef table, String name) {
    return new ExaException(SqlState.UNDEFINED_COLUMN,
        "column \"" + name + "\" of relation \"" + table.name() + "\" does not exist");
  }

  private int indexOf(String name) {
    for (int c = 0; c < columns.size(); c++) {
      if (columns.get(c).name().equals(name)) {
        return c;
      }
    }
    return -1;
  }

  private void rewrite(TableDef table) {
    StorageTransaction block = session.transaction();
    Catalog catalog = engine.storage().catalog();
    AccessControl access = engine.storage().access();
    List<ViewDef> readers = catalog.views().stream()
        .filter(v -> engine.planner().dependencies(v).contains(table.qualifiedName()))
        .toList();
    // PostgreSQL refuses it only for views reading that column; ExaPG cannot tell them apart
    if (typeChanged && !readers.isEmpty()) {
      throw new ExaException(SqlState.FEATURE_NOT_SUPPORTED, "cannot alter type of a column"
          + " of table " + table.name() + " read by view " + readers.get(0).name(), 0, null,
          "Drop the view, alter the table, and create the view again.", null);
    }
    long owner = access.owner(table.id());
    Map<Long, Set<Privilege>> grants = access.grants(table.id());
    List<Catalog.ObjectComment> comments = catalog.comments().stream()
        .filter(c -> c.objectId() == table.id() && !droppedColumns.contains(c.column()))
        .toList();
    List<String> distribution = table.distribution().stream()
        .filter(c -> !droppedColumns.contains(c)).toList();
    List<IndexDef> indexes = table.indexes().stream()
        .filter(index -> index.columns().stream().noneMatch(droppedColumns::contains))
        .toList();
    engine.storage().dropTable(table, block);
    access.forget(table.id());
    TableDef rewritten = engine.storage().createTable(table.schema(), table.name(), columns,
        table.partitioning(), distribution, indexes, block);
    access.setOwner(rewritten.id(), owner);
    grants.forEach((grantee, privileges) ->
        access.grant(rewritten.id(), List.of(grantee), privileges));
    for (Catalog.ObjectComment comment : comments) {
      catalog.setComment(rewritten.id(), comment.column(), comment.text());
    }
    copyRows(table, rewritten, block);
    recheckReaders(table, readers);
  }

  private void copyRows(TableDef from, TableDef to, StorageTransaction block) {
    List<Integer> all = new ArrayList<>();
    for (int c = 0; c < from.columns().size(); c++) {
      all.add(c);
    }
    PlanNode copy = new InsertNode(new ProjectNode(new ScanNode(from.id(), from.qualifiedName(),
        all, from.columnTypes(), List.of()), sources), to.id(), to.qualifiedName());
    try (QueryContext context = new QueryContext(engine.memory().newChildAllocator(
        "alter table", engine.options().queryMemoryLimitBytes()), new Object[0],
        engine.storage().tableStore(block), engine.workers());
        ExecutionPlan execution = ExecutionPlan.build(copy, context)) {
      execution.run();
    } catch (ExaException e) {
      if (e.state() == SqlState.NOT_NULL_VIOLATION) {
        for (ColumnDef column : columns) {
          if (!column.nullable() && e.getMessage().contains("\"" + column.name() + "\"")) {
            throw new ExaException(SqlState.NOT_NULL_VIOLATION, "column \"" + column.name()
                + "\" of relation \"" + to.name() + "\" contains null values");
          }
        }
      }
      throw e;
    }
  }

  /**
   * Views keep their query as text: one that no longer plans against the changed table read
   * a dropped column (2BP01 unless CASCADE, which drops it) or depends on a changed type.
   */
  private void recheckReaders(TableDef table, List<ViewDef> readers) {
    Catalog catalog = engine.storage().catalog();
    for (ViewDef reader : readers) {
      ViewDef current = catalog.view(reader.schema(), reader.name());
      if (current == null
          || engine.planner().dependencies(current).contains(table.qualifiedName())) {
        continue;
      }
      if (droppedColumns.isEmpty()) {
        throw new ExaException(SqlState.FEATURE_NOT_SUPPORTED, "cannot alter table "
            + table.name() + " because view " + reader.name() + " reads it", 0,
            "ExaPG keeps a view's query as written: with the change it would no longer return"
                + " the view's columns (as a SELECT * would not).",
            "Drop the view, alter the table, and create the view again.", null);
      }
      if (!cascade) {
        throw new ExaException(SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
            "cannot drop column " + droppedColumns.get(0) + " of table " + table.name()
                + " because other objects depend on it", 0,
            "view " + reader.name() + " depends on column " + droppedColumns.get(0)
                + " of table " + table.name(),
            "Use DROP ... CASCADE to drop the dependent objects too.", null);
      }
      session.notice("drop cascades to view " + reader.name());
      catalog.dropView(current);
      engine.storage().access().forget(current.id());
    }
  }
}
