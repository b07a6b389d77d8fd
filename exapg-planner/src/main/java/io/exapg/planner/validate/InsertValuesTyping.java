package io.exapg.planner.validate;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.core.type.DataType;
import io.exapg.planner.catalog.SearchPath;
import io.exapg.storage.catalog.Catalog;
import io.exapg.storage.catalog.TableDef;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * PostgreSQL gives a quoted literal in INSERT ... VALUES the type of its target column
 * ('2024-01-31' into a DATE column is a date). Calcite types it as a string first and then
 * fails to unify the rows, so the literal is cast to the column type before validation.
 */
public final class InsertValuesTyping {
  private InsertValuesTyping() {
  }

  /** A string for a column of bounded length may only be too long by trailing spaces. */
  private static void checkLength(String value, DataType type) {
    String trimmed = value.replaceAll(" +$", "");
    if (trimmed.codePointCount(0, trimmed.length()) > type.precision()) {
      throw new ExaException(SqlState.STRING_DATA_RIGHT_TRUNCATION, "value too long for type "
          + (type.id() == io.exapg.core.type.TypeId.CHAR ? "character" : "character varying")
          + "(" + type.precision() + ")");
    }
  }

  public static void apply(SqlNode node, Catalog catalog, SearchPath searchPath,
      Function<DataType, SqlDataTypeSpec> typeSpecs) {
    if (!(node instanceof SqlInsert insert)
        || !(insert.getTargetTable() instanceof SqlIdentifier target)
        || insert.getSource().getKind() != SqlKind.VALUES) {
      return;
    }
    List<String> names = target.names;
    TableDef table = names.size() > 2 ? null : searchPath.table(catalog, names);
    if (table == null) {
      return;
    }
    List<DataType> targetTypes = new ArrayList<>();
    SqlNodeList columns = insert.getTargetColumnList();
    if (columns == null) {
      targetTypes.addAll(table.columnTypes());
    } else {
      for (SqlNode column : columns) {
        int index = table.columnIndex(((SqlIdentifier) column).getSimple());
        targetTypes.add(index < 0 ? null : table.columns().get(index).type());
      }
    }
    for (SqlNode row : ((SqlCall) insert.getSource()).getOperandList()) {
      if (!(row instanceof SqlCall call) || call.getKind() != SqlKind.ROW) {
        continue;
      }
      if (call.operandCount() > targetTypes.size()) {
        throw new ExaException(SqlState.SYNTAX_ERROR,
            "INSERT has more expressions than target columns");
      }
      for (int i = 0; i < call.operandCount(); i++) {
        DataType type = targetTypes.get(i);
        if (type == null || !(call.operand(i) instanceof SqlLiteral literal)
            || literal.getTypeName() != SqlTypeName.CHAR) {
          continue;
        }
        if (!type.isString()) {
          call.setOperand(i, SqlStdOperatorTable.CAST.createCall(SqlParserPos.ZERO, literal,
              typeSpecs.apply(type)));
        } else if (type.precision() != DataType.UNBOUNDED) {
          checkLength(literal.getValueAs(String.class), type);
        }
      }
    }
  }
}
