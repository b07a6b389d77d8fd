package io.exapg.planner.validate;

import io.exapg.planner.catalog.SearchPath;
import io.exapg.planner.parser.ExaParser;
import io.exapg.planner.parser.StatementSplitter;
import io.exapg.storage.catalog.Catalog;
import io.exapg.storage.catalog.ColumnDef;
import io.exapg.storage.catalog.TableDef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Column DEFAULT expressions in INSERT: a column with a default that the column list leaves
 * out is added with its expression, and DEFAULT in VALUES becomes the column's expression
 * (NULL without one). The expressions are parsed from the catalog's text into the statement
 * before validation, so they are checked and typed exactly as if written there.
 */
public final class InsertDefaults {
  private static final String SOURCE = "exapg$insert_source";

  private InsertDefaults() {
  }

  public static void apply(SqlNode node, Catalog catalog, SearchPath searchPath) {
    if (!(node instanceof SqlInsert insert)
        || !(insert.getTargetTable() instanceof SqlIdentifier target)) {
      return;
    }
    TableDef table = target.names.size() > 2 ? null : searchPath.table(catalog, target.names);
    if (table == null) {
      return;
    }
    List<ColumnDef> targets = new ArrayList<>();
    SqlNodeList columnList = insert.getTargetColumnList();
    if (columnList == null) {
      targets.addAll(table.columns());
    } else {
      for (SqlNode column : columnList) {
        int index = table.columnIndex(((SqlIdentifier) column).getSimple());
        if (index < 0) {
          return;
        }
        targets.add(table.columns().get(index));
      }
    }
    Set<String> named = new HashSet<>();
    targets.forEach(column -> named.add(column.name()));
    List<ColumnDef> missing = columnList == null ? List.of() : table.columns().stream()
        .filter(c -> c.defaultValue() != null && !named.contains(c.name())).toList();
    SqlNode source = insert.getSource();
    if (source.getKind() == SqlKind.VALUES) {
      List<SqlNode> rows = new ArrayList<>();
      for (SqlNode row : ((SqlCall) source).getOperandList()) {
        rows.add(row instanceof SqlCall call && call.getKind() == SqlKind.ROW
            ? filled(call, targets, missing) : row);
      }
      insert.setOperand(2, SqlStdOperatorTable.VALUES.createCall(source.getParserPosition(),
          rows));
    } else if (!missing.isEmpty()) {
      SqlNodeList items = new SqlNodeList(SqlParserPos.ZERO);
      items.add(SqlIdentifier.star(List.of(SOURCE, ""), SqlParserPos.ZERO,
          List.of(SqlParserPos.ZERO, SqlParserPos.ZERO)));
      missing.forEach(column -> items.add(expression(column)));
      SqlNode from = SqlStdOperatorTable.AS.createCall(SqlParserPos.ZERO, source,
          new SqlIdentifier(SOURCE, SqlParserPos.ZERO));
      insert.setSource(new SqlSelect(SqlParserPos.ZERO, null, items, from, null, null, null,
          null, null, null, null, null, null));
    }
    if (!missing.isEmpty()) {
      SqlNodeList columns = new SqlNodeList(columnList, SqlParserPos.ZERO);
      missing.forEach(column -> columns.add(new SqlIdentifier(column.name(),
          SqlParserPos.ZERO)));
      insert.setOperand(3, columns);
    }
  }

  private static SqlNode filled(SqlCall row, List<ColumnDef> targets,
      List<ColumnDef> missing) {
    List<SqlNode> values = new ArrayList<>(row.getOperandList());
    for (int i = 0; i < values.size() && i < targets.size(); i++) {
      if (values.get(i).getKind() == SqlKind.DEFAULT) {
        values.set(i, targets.get(i).defaultValue() != null ? expression(targets.get(i))
            : SqlLiteral.createNull(values.get(i).getParserPosition()));
      }
    }
    missing.forEach(column -> values.add(expression(column)));
    return SqlStdOperatorTable.ROW.createCall(row.getParserPosition(), values);
  }

  /** A fresh parse of the column's default, for one place in the statement. */
  private static SqlNode expression(ColumnDef column) {
    StatementSplitter.Piece piece = new StatementSplitter.Piece(
        "SELECT " + column.defaultValue(), 0, List.of());
    return ((SqlSelect) ExaParser.parse(piece)).getSelectList().get(0);
  }
}
