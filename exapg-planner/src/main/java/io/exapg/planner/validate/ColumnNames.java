package io.exapg.planner.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;

/**
 * Result column names as PostgreSQL gives them: an unaliased expression is named after the
 * column or function it is, else "?column?".
 */
public final class ColumnNames {
  private ColumnNames() {
  }

  /**
   * Replaces Calcite's generated names with PostgreSQL's: EXPR$n by the expression's name in
   * the statement as written, and the suffixes that make duplicate names unique (a0) by the
   * plain column name.
   *
   * @param original the statement as parsed, before validation rewrote it
   * @param validated the statement after validation, with stars expanded
   */
  public static List<String> of(SqlNode original, SqlNode validated, List<String> calciteNames) {
    List<String> names = new ArrayList<>(calciteNames);
    SqlSelect written = leftmostSelect(original);
    List<SqlNode> writtenItems = written == null ? List.of() : written.getSelectList().getList();
    SqlSelect expanded = leftmostSelect(validated);
    List<SqlNode> expandedItems = expanded == null || expanded.getSelectList() == null
        ? List.of() : expanded.getSelectList().getList();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (name.startsWith("EXPR$")) {
        names.set(i, i < writtenItems.size() && writtenItems.size() == names.size()
            ? nameOf(writtenItems.get(i)) : "?column?");
      } else if (expandedItems.size() == names.size()
          && expandedItems.get(i) instanceof SqlCall as && as.getKind() == SqlKind.AS
          && as.operand(0) instanceof SqlIdentifier identifier) {
        String column = identifier.names.get(identifier.names.size() - 1);
        if (name.matches(java.util.regex.Pattern.quote(column) + "\\d+")) {
          names.set(i, column);
        }
      }
    }
    return names;
  }

  private static SqlSelect leftmostSelect(SqlNode node) {
    if (node instanceof SqlSelect select) {
      return select;
    }
    if (node instanceof SqlOrderBy orderBy) {
      return leftmostSelect(orderBy.query);
    }
    if (node instanceof SqlWith with) {
      return leftmostSelect(with.body);
    }
    if (node instanceof SqlBasicCall call && call.getKind().belongsTo(SqlKind.SET_QUERY)) {
      return leftmostSelect(call.operand(0));
    }
    return null;
  }

  static String nameOf(SqlNode item) {
    if (item instanceof SqlIdentifier identifier) {
      return identifier.isStar() ? "?column?" : identifier.names.get(identifier.names.size() - 1);
    }
    // a scalar subquery is named as its one column, as in PostgreSQL
    SqlSelect subquery = leftmostSelect(item);
    if (subquery != null) {
      List<SqlNode> items = subquery.getSelectList().getList();
      return items.size() == 1 ? nameOf(items.get(0)) : "?column?";
    }
    if (item instanceof SqlCall call) {
      switch (call.getKind()) {
        case AS:
          return nameOf(call.operand(1));
        case CAST:
        case OVER:
        case FILTER:
        case WITHIN_GROUP:
          return nameOf(call.operand(0));
        case CASE:
          return "case";
        case EXISTS:
          return "exists";
        case ARRAY_VALUE_CONSTRUCTOR:
        case ARRAY_QUERY_CONSTRUCTOR:
          return "array";
        case LITERAL_CHAIN:
          return "?column?";
        default:
          break;
      }
      if (call.getOperator() instanceof org.apache.calcite.sql.SqlAggFunction
          || call.getOperator().getSyntax() == org.apache.calcite.sql.SqlSyntax.FUNCTION
          || call.getOperator().getSyntax() == org.apache.calcite.sql.SqlSyntax.FUNCTION_STAR
          || call.getOperator().getSyntax()
              == org.apache.calcite.sql.SqlSyntax.FUNCTION_ID) {
        return call.getOperator().getName().toLowerCase(Locale.ROOT);
      }
    }
    return "?column?";
  }
}
