package io.exapg.planner.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Gives parameters the types the client declared (or the engine settled on) by wrapping each
 * marker in a CAST before validation. Markers in LIMIT and OFFSET stay bare, as the grammar
 * requires there.
 */
public final class ParameterTyping {
  private ParameterTyping() {
  }

  /** Every parameter marker of a statement, in the order the parser numbered them. */
  public static List<SqlDynamicParam> markers(SqlNode node) {
    List<SqlDynamicParam> markers = new ArrayList<>();
    collect(node, markers);
    markers.sort((a, b) -> Integer.compare(a.getIndex(), b.getIndex()));
    return markers;
  }

  private static void collect(SqlNode node, List<SqlDynamicParam> into) {
    if (node instanceof SqlDynamicParam param) {
      into.add(param);
    } else if (node instanceof SqlNodeList list) {
      for (SqlNode child : list) {
        collect(child, into);
      }
    } else if (node instanceof SqlCall call) {
      for (SqlNode child : call.getOperandList()) {
        collect(child, into);
      }
    }
  }

  /** Wraps the markers whose index has a type in the map; changes the tree in place. */
  public static SqlNode wrap(SqlNode node, Map<Integer, SqlDataTypeSpec> types) {
    if (types.isEmpty()) {
      return node;
    }
    SqlNode replacement = replacement(node, types);
    if (replacement != null) {
      return replacement;
    }
    visit(node, types);
    return node;
  }

  private static SqlNode replacement(SqlNode node, Map<Integer, SqlDataTypeSpec> types) {
    if (node instanceof SqlDynamicParam param && types.containsKey(param.getIndex())) {
      return SqlStdOperatorTable.CAST.createCall(SqlParserPos.ZERO, param,
          types.get(param.getIndex()));
    }
    return null;
  }

  private static void visit(SqlNode node, Map<Integer, SqlDataTypeSpec> types) {
    if (node instanceof SqlNodeList list) {
      for (int i = 0; i < list.size(); i++) {
        SqlNode child = list.get(i);
        SqlNode replacement = replacement(child, types);
        if (replacement != null) {
          list.set(i, replacement);
        } else {
          visit(child, types);
        }
      }
      return;
    }
    if (node instanceof SqlOrderBy orderBy) {
      visit(orderBy.query, types);
      visit(orderBy.orderList, types);
      return;
    }
    if (!(node instanceof SqlCall call)) {
      return;
    }
    List<SqlNode> operands = call.getOperandList();
    for (int i = 0; i < operands.size(); i++) {
      SqlNode child = operands.get(i);
      if (child == null) {
        continue;
      }
      if (call instanceof SqlSelect select
          && (child == select.getFetch() || child == select.getOffset())) {
        continue;
      }
      SqlNode replacement = replacement(child, types);
      if (replacement == null) {
        visit(child, types);
        continue;
      }
      try {
        call.setOperand(i, replacement);
      } catch (UnsupportedOperationException e) {
        // this node cannot take a cast here; the marker keeps its inferred type
      }
    }
  }
}
