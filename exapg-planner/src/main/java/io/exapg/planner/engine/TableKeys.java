package io.exapg.planner.engine;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.planner.parser.SqlColumnDefinition;
import io.exapg.planner.parser.SqlCreateTableStatement;
import io.exapg.planner.parser.SqlTableConstraint;
import io.exapg.storage.catalog.ColumnDef;
import io.exapg.storage.catalog.IndexDef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;

/** The PRIMARY KEY and UNIQUE constraints of CREATE TABLE, named as PostgreSQL names them. */
final class TableKeys {
  private TableKeys() {
  }

  static List<IndexDef> declared(String table, SqlCreateTableStatement create,
      List<ColumnDef> columns, List<IndexDef> copied) {
    List<IndexDef> indexes = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (IndexDef key : copied) {
      add(indexes, names, table, null, key.columns(), key.primary());
    }
    for (SqlColumnDefinition column : create.columns()) {
      String name = column.name.getSimple();
      if (column.primaryKey) {
        add(indexes, names, table, null, List.of(name), true);
      }
      if (column.unique) {
        add(indexes, names, table, null, List.of(name), false);
      }
    }
    for (SqlTableConstraint constraint : create.constraints()) {
      if (constraint.kind == SqlTableConstraint.Kind.FOREIGN_KEY
          || constraint.kind == SqlTableConstraint.Kind.CHECK) {
        throw ExaException.notSupported(constraint.kind.sql + " constraints");
      }
    }
    for (SqlTableConstraint constraint : create.constraints()) {
      List<String> keyColumns = new ArrayList<>();
      for (SqlNode node : constraint.columns) {
        String name = ((SqlIdentifier) node).getSimple();
        if (columns.stream().noneMatch(c -> c.name().equals(name))) {
          throw new ExaException(SqlState.UNDEFINED_COLUMN,
              "column \"" + name + "\" named in key does not exist");
        }
        keyColumns.add(name);
      }
      add(indexes, names, table, constraint.constraintName == null ? null
          : constraint.constraintName.getSimple(), keyColumns,
          constraint.kind == SqlTableConstraint.Kind.PRIMARY_KEY);
    }
    return indexes;
  }

  private static void add(List<IndexDef> indexes, Set<String> names, String table,
      String explicitName, List<String> columns, boolean primary) {
    if (primary && indexes.stream().anyMatch(IndexDef::primary)) {
      throw new ExaException(SqlState.INVALID_TABLE_DEFINITION,
          "multiple primary keys for table \"" + table + "\" are not allowed");
    }
    String name = explicitName;
    if (name == null) {
      String base = primary ? table + "_pkey" : table + "_" + String.join("_", columns) + "_key";
      name = base;
      for (int n = 1; names.contains(name); n++) {
        name = base + n;
      }
    }
    if (!names.add(name)) {
      throw new ExaException(SqlState.DUPLICATE_TABLE, "relation \"" + name
          + "\" already exists");
    }
    indexes.add(new IndexDef(0, name, columns, true, primary, true));
  }

  /** Primary key columns are NOT NULL, as in PostgreSQL. */
  static List<ColumnDef> primaryKeyColumnsNotNull(List<ColumnDef> columns,
      List<IndexDef> indexes) {
    Set<String> keyColumns = new HashSet<>();
    indexes.stream().filter(IndexDef::primary).forEach(i -> keyColumns.addAll(i.columns()));
    return columns.stream().map(c -> keyColumns.contains(c.name())
        ? new ColumnDef(c.name(), c.type(), false, c.defaultValue()) : c).toList();
  }
}
