package io.exapg.planner.validate;

import io.exapg.core.error.ExaException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * PostgreSQL's set-returning functions over an array in a select list: unnest(a),
 * generate_subscripts(a, 1) and information_schema._pg_expandarray(a) (which JDBC's metadata
 * queries use). The select's rows are joined laterally with UNNEST(a) WITH ORDINALITY AS
 * _srf(x, n), one output row per element, and the calls read its columns; several of them
 * over the same array run in step, as in PostgreSQL. "(_pg_expandarray(a)).n" reads a field;
 * the composite value itself is its text "(x,n)", and "(t.keys).x" in an enclosing query
 * reads the field back from that text. unnest(a) in FROM, also as pg_catalog.unnest(a), is
 * UNNEST(a).
 */
public final class SetReturningFunctions {
  private static final String EXPAND_ARRAY = "_pg_expandarray";
  private static final String UNNEST = "unnest";
  private static final String SUBSCRIPTS = "generate_subscripts";
  private static final List<String> FIELDS = List.of("x", "n");

  private SetReturningFunctions() {
  }

  /**
   * @param text the statement as written, to tell cheaply that it calls none of the functions
   */
  public static SqlNode rewrite(SqlNode statement, String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (!lower.contains(EXPAND_ARRAY) && !lower.contains(UNNEST)
        && !lower.contains(SUBSCRIPTS)) {
      return statement;
    }
    Set<String> composites = new HashSet<>();
    statement.accept(new SqlShuttle() {
      @Override
      public SqlNode visit(SqlCall call) {
        if (call.getKind() == SqlKind.AS && isExpandArray(call.operand(0))) {
          composites.add(((SqlIdentifier) call.operand(1)).getSimple().toLowerCase(Locale.ROOT));
        }
        return super.visit(call);
      }
    });
    return statement.accept(new SqlShuttle() {
      private int next;

      @Override
      public SqlNode visit(SqlCall call) {
        if (call.getOperator() == SqlStdOperatorTable.DOT
            && call.operand(0) instanceof SqlIdentifier base
            && composites.contains(base.names.getLast().toLowerCase(Locale.ROOT))) {
          return compositeField(base, field(call));
        }
        if (call.getKind() == SqlKind.COLLECTION_TABLE
            && isFunction(call.operand(0), UNNEST)) {
          return SqlStdOperatorTable.UNNEST.createCall(call.getParserPosition(),
              ((SqlCall) call.operand(0)).getOperandList());
        }
        SqlNode visited = super.visit(call);
        return visited instanceof SqlSelect select ? expandSelectList(select, next++) : visited;
      }
    });
  }

  private static boolean isExpandArray(SqlNode node) {
    return isFunction(node, EXPAND_ARRAY);
  }

  private static boolean isFunction(SqlNode node, String name) {
    return node instanceof SqlBasicCall call && call.getOperator() instanceof SqlFunction function
        && function.getSqlIdentifier() != null
        && function.getSqlIdentifier().names.getLast().equalsIgnoreCase(name);
  }

  private static String field(SqlCall dot) {
    String field = ((SqlIdentifier) dot.operand(1)).getSimple().toLowerCase(Locale.ROOT);
    if (!FIELDS.contains(field)) {
      throw new ExaException(io.exapg.core.error.SqlState.UNDEFINED_COLUMN,
          "column \"" + field + "\" not found in data type record");
    }
    return field;
  }

  /** (t.keys).x over the composite's text "(x,n)". */
  private static SqlNode compositeField(SqlIdentifier composite, String field) {
    SqlParserPos pos = composite.getParserPosition();
    SqlNode fields = call("BTRIM", pos, composite, SqlLiteral.createCharString("()", pos));
    SqlNode part = call("SPLIT_PART", pos, fields, SqlLiteral.createCharString(",", pos),
        SqlLiteral.createExactNumeric(String.valueOf(FIELDS.indexOf(field) + 1), pos));
    return SqlStdOperatorTable.CAST.createCall(pos, part,
        new org.apache.calcite.sql.SqlDataTypeSpec(new org.apache.calcite.sql
            .SqlBasicTypeNameSpec(SqlTypeName.INTEGER, pos), pos));
  }

  private static SqlNode call(String name, SqlParserPos pos, SqlNode... operands) {
    return new org.apache.calcite.sql.SqlUnresolvedFunction(new SqlIdentifier(name, pos), null,
        null, null, null, org.apache.calcite.sql.SqlFunctionCategory.USER_DEFINED_FUNCTION)
        .createCall(pos, operands);
  }

  /** Replaces the select list's set-returning calls by a lateral UNNEST in FROM. */
  private static SqlNode expandSelectList(SqlSelect select, int number) {
    SqlNode[] array = {null};
    String alias = "_srf" + number;
    SqlShuttle replace = new SqlShuttle() {
      @Override
      public SqlNode visit(SqlCall call) {
        if (call.getOperator() == SqlStdOperatorTable.DOT && isExpandArray(call.operand(0))) {
          remember(call.operand(0));
          return new SqlIdentifier(List.of(alias, field(call)), call.getParserPosition());
        }
        if (isFunction(call, UNNEST)) {
          remember(call);
          return new SqlIdentifier(List.of(alias, "x"), call.getParserPosition());
        }
        if (isFunction(call, SUBSCRIPTS)) {
          if (call.operandCount() != 2 || !call.operand(1).toString().equals("1")) {
            throw ExaException.notSupported("generate_subscripts other than of dimension 1");
          }
          remember(call);
          // n - 1 + the lower bound: int2vector and oidvector subscripts start at 0
          SqlParserPos pos = call.getParserPosition();
          return SqlStdOperatorTable.PLUS.createCall(pos, SqlStdOperatorTable.MINUS.createCall(
              pos, new SqlIdentifier(List.of(alias, "n"), pos),
              SqlLiteral.createExactNumeric("1", pos)),
              call("ARRAY_LOWER", pos, call.operand(0), SqlLiteral.createExactNumeric("1", pos)));
        }
        if (isExpandArray(call)) {
          remember(call);
          SqlParserPos pos = call.getParserPosition();
          SqlNode x = text(new SqlIdentifier(List.of(alias, "x"), pos));
          SqlNode n = text(new SqlIdentifier(List.of(alias, "n"), pos));
          SqlNode comma = SqlLiteral.createCharString(",", pos);
          return concat(concat(concat(concat(SqlLiteral.createCharString("(", pos), x), comma),
              n), SqlLiteral.createCharString(")", pos));
        }
        return super.visit(call);
      }

      private void remember(SqlNode call) {
        SqlNode argument = ((SqlCall) call).operand(0);
        if (array[0] != null && !array[0].equalsDeep(argument, org.apache.calcite.util.Litmus.IGNORE)) {
          throw ExaException.notSupported("several set-returning functions in one select list");
        }
        array[0] = argument;
      }
    };
    List<SqlNode> items = new ArrayList<>();
    for (SqlNode item : select.getSelectList()) {
      SqlNode replaced = item.accept(replace);
      if (replaced != item && item instanceof SqlBasicCall call
          && call.getOperator() instanceof SqlFunction function) {
        // an unnamed call is named after its function, as in PostgreSQL
        replaced = SqlStdOperatorTable.AS.createCall(item.getParserPosition(), replaced,
            new SqlIdentifier(function.getSqlIdentifier().names.getLast()
                .toLowerCase(Locale.ROOT), item.getParserPosition()));
      }
      items.add(replaced);
    }
    if (array[0] == null) {
      return select;
    }
    SqlParserPos pos = select.getParserPosition();
    select.setSelectList(new SqlNodeList(items, select.getSelectList().getParserPosition()));
    SqlNode unnest = SqlStdOperatorTable.AS.createCall(pos,
        SqlStdOperatorTable.UNNEST_WITH_ORDINALITY.createCall(pos, array[0]),
        new SqlIdentifier(alias, pos), new SqlIdentifier("x", pos), new SqlIdentifier("n", pos));
    select.setFrom(select.getFrom() == null ? unnest : new SqlJoin(pos, select.getFrom(),
        SqlLiteral.createBoolean(false, pos), JoinType.COMMA.symbol(pos), unnest,
        JoinConditionType.NONE.symbol(pos), null));
    return select;
  }

  private static SqlNode text(SqlNode value) {
    SqlParserPos pos = value.getParserPosition();
    return SqlStdOperatorTable.CAST.createCall(pos, value,
        new org.apache.calcite.sql.SqlDataTypeSpec(new org.apache.calcite.sql
            .SqlBasicTypeNameSpec(SqlTypeName.VARCHAR, pos), pos));
  }

  private static SqlNode concat(SqlNode left, SqlNode right) {
    return SqlStdOperatorTable.CONCAT.createCall(left.getParserPosition(), left, right);
  }
}
