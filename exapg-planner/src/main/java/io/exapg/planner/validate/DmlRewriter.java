package io.exapg.planner.validate;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.core.type.DataType;
import io.exapg.planner.catalog.ExaTable;
import io.exapg.planner.catalog.SearchPath;
import io.exapg.storage.catalog.Catalog;
import io.exapg.storage.catalog.ColumnDef;
import io.exapg.storage.catalog.TableDef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Turns DELETE and UPDATE into queries over the target table with row ids, which execution
 * feeds to the table's deleter (and writer):
 *
 * <pre>
 * DELETE FROM t [AS a] WHERE c        SELECT a.rowid FROM t-with-row-ids AS a WHERE c
 * UPDATE t [AS a] SET x = e WHERE c   SELECT a.rowid, a.w, e, a.y, ... FROM ... WHERE c
 * </pre>
 *
 * Quoted literals, NULL and parameters on the right of SET take the column's type, as in
 * PostgreSQL.
 */
public final class DmlRewriter {
  /** The schema under which tables with row ids are found. */
  public static final String ROW_ID_SCHEMA = "exapg$dml";

  /**
   * What a rewritten statement changes.
   *
   * @param readsColumns whether the WHERE or SET expressions read the table's columns, which
   *     takes the SELECT privilege as well
   */
  public record Target(SqlKind kind, TableDef table, List<Integer> updatedColumns,
      boolean readsColumns) {
  }

  /** A rewritten statement: the query, and its target. */
  public record Rewritten(SqlSelect query, Target target) {
  }

  private DmlRewriter() {
  }

  /** The rewritten statement, or null if the node is neither DELETE nor UPDATE. */
  public static Rewritten rewrite(SqlNode node, Catalog catalog, SearchPath searchPath,
      Function<DataType, SqlDataTypeSpec> typeSpecs) {
    return switch (node) {
      case SqlDelete delete -> delete(delete, catalog, searchPath);
      case SqlUpdate update -> update(update, catalog, searchPath, typeSpecs);
      default -> null;
    };
  }

  private static Rewritten delete(SqlDelete delete, Catalog catalog, SearchPath searchPath) {
    TableDef table = resolve(delete.getTargetTable(), catalog, searchPath);
    String alias = aliasOf(delete.getAlias(), table);
    SqlNodeList select = new SqlNodeList(List.of(column(alias, ExaTable.ROW_ID_COLUMN)),
        SqlParserPos.ZERO);
    return new Rewritten(query(select, table, alias, delete.getCondition()),
        new Target(SqlKind.DELETE, table, List.of(), delete.getCondition() != null));
  }

  private static Rewritten update(SqlUpdate update, Catalog catalog, SearchPath searchPath,
      Function<DataType, SqlDataTypeSpec> typeSpecs) {
    TableDef table = resolve(update.getTargetTable(), catalog, searchPath);
    String alias = aliasOf(update.getAlias(), table);
    Map<Integer, SqlNode> assigned = new HashMap<>();
    SqlNodeList targets = update.getTargetColumnList();
    SqlNodeList sources = update.getSourceExpressionList();
    for (int k = 0; k < targets.size(); k++) {
      SqlIdentifier target = (SqlIdentifier) targets.get(k);
      String name = target.names.get(target.names.size() - 1);
      int index = table.columnIndex(name);
      if (index < 0) {
        throw new ExaException(SqlState.UNDEFINED_COLUMN, "column \"" + name
            + "\" of relation \"" + table.name() + "\" does not exist");
      }
      if (assigned.containsKey(index)) {
        throw new ExaException(SqlState.SYNTAX_ERROR,
            "multiple assignments to same column \"" + name + "\"");
      }
      assigned.put(index, typed(sources.get(k), table.columns().get(index).type(), typeSpecs));
    }
    List<SqlNode> items = new ArrayList<>();
    items.add(column(alias, ExaTable.ROW_ID_COLUMN));
    List<ColumnDef> columns = table.columns();
    for (int c = 0; c < columns.size(); c++) {
      SqlNode value = assigned.get(c);
      items.add(value != null ? value : column(alias, columns.get(c).name()));
    }
    return new Rewritten(
        query(new SqlNodeList(items, SqlParserPos.ZERO), table, alias, update.getCondition()),
        new Target(SqlKind.UPDATE, table, new ArrayList<>(assigned.keySet()),
            update.getCondition() != null || readsColumns(sources)));
  }

  private static boolean readsColumns(SqlNode node) {
    boolean[] found = {false};
    node.accept(new SqlBasicVisitor<Void>() {
      @Override
      public Void visit(SqlIdentifier id) {
        found[0] = true;
        return null;
      }
    });
    return found[0];
  }

  /** A literal string, NULL or parameter gets the column's type, as PostgreSQL gives it. */
  private static SqlNode typed(SqlNode value, DataType type,
      Function<DataType, SqlDataTypeSpec> typeSpecs) {
    boolean untyped = value instanceof SqlDynamicParam
        || (value instanceof SqlLiteral literal && (literal.getTypeName() == SqlTypeName.NULL
            || (literal.getTypeName() == SqlTypeName.CHAR && !type.isString())));
    return untyped ? SqlStdOperatorTable.CAST.createCall(SqlParserPos.ZERO, value,
        typeSpecs.apply(type)) : value;
  }

  private static SqlSelect query(SqlNodeList select, TableDef table, String alias,
      SqlNode condition) {
    SqlIdentifier name = new SqlIdentifier(List.of(ROW_ID_SCHEMA, table.schema(), table.name()),
        SqlParserPos.ZERO);
    SqlBasicCall from = (SqlBasicCall) SqlStdOperatorTable.AS.createCall(SqlParserPos.ZERO,
        name, new SqlIdentifier(alias, SqlParserPos.ZERO));
    return new SqlSelect(SqlParserPos.ZERO, null, select, from, condition, null, null, null,
        null, null, null, null, null);
  }

  private static SqlIdentifier column(String alias, String name) {
    return new SqlIdentifier(List.of(alias, name), SqlParserPos.ZERO);
  }

  private static String aliasOf(SqlIdentifier alias, TableDef table) {
    return alias != null ? alias.getSimple() : table.name();
  }

  private static TableDef resolve(SqlNode target, Catalog catalog, SearchPath searchPath) {
    if (!(target instanceof SqlIdentifier identifier)) {
      throw ExaException.notSupported("DELETE or UPDATE of anything but a table");
    }
    List<String> names = identifier.names;
    TableDef table = searchPath.table(catalog, names);
    if (table == null) {
      throw new ExaException(SqlState.UNDEFINED_TABLE,
          "relation \"" + String.join(".", names) + "\" does not exist");
    }
    return table;
  }
}
