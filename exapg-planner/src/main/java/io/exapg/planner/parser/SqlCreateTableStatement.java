package io.exapg.planner.parser;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * CREATE [TEMP] TABLE [IF NOT EXISTS] name [(columns, constraints and layout)] [layout]
 * [AS query], where the layout is PARTITION BY and DISTRIBUTE BY.
 */
public final class SqlCreateTableStatement extends SqlCreate {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("CREATE TABLE", SqlKind.CREATE_TABLE);

  public final boolean temporary;
  public final SqlIdentifier name;
  public final SqlNodeList elements;
  public final @Nullable SqlNode query;

  public SqlCreateTableStatement(SqlParserPos pos, boolean replace, boolean temporary,
      boolean ifNotExists, SqlIdentifier name, SqlNodeList elements, @Nullable SqlNode query) {
    super(OPERATOR, pos, replace, ifNotExists);
    this.temporary = temporary;
    this.name = name;
    this.elements = elements;
    this.query = query;
  }

  public List<SqlColumnDefinition> columns() {
    List<SqlColumnDefinition> columns = new ArrayList<>();
    for (SqlNode element : elements) {
      if (element instanceof SqlColumnDefinition column) {
        columns.add(column);
      }
    }
    return columns;
  }

  /** The PARTITION BY clause, inside the element list or after it; null if none. */
  public @Nullable SqlPartitionBy partitionBy() {
    return single(SqlPartitionBy.class, "PARTITION BY");
  }

  /** The DISTRIBUTE BY clause, inside the element list or after it; null if none. */
  public @Nullable SqlDistributeBy distributeBy() {
    return single(SqlDistributeBy.class, "DISTRIBUTE BY");
  }

  private <T extends SqlNode> @Nullable T single(Class<T> kind, String clause) {
    T found = null;
    for (SqlNode element : elements) {
      if (kind.isInstance(element)) {
        if (found != null) {
          throw new ExaException(SqlState.SYNTAX_ERROR, clause + " is given twice");
        }
        found = kind.cast(element);
      }
    }
    return found;
  }

  public List<SqlTableConstraint> constraints() {
    List<SqlTableConstraint> constraints = new ArrayList<>();
    for (SqlNode element : elements) {
      if (element instanceof SqlTableConstraint constraint) {
        constraints.add(constraint);
      }
    }
    return constraints;
  }

  @Override
  public List<SqlNode> getOperandList() {
    List<SqlNode> operands = new ArrayList<>();
    operands.add(name);
    operands.add(elements);
    if (query != null) {
      operands.add(query);
    }
    return operands;
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("CREATE");
    if (temporary) {
      writer.keyword("TEMPORARY");
    }
    writer.keyword("TABLE");
    if (ifNotExists) {
      writer.keyword("IF NOT EXISTS");
    }
    name.unparse(writer, leftPrec, rightPrec);
    if (!elements.isEmpty()) {
      SqlWriter.Frame frame = writer.startList("(", ")");
      for (SqlNode element : elements) {
        writer.sep(",");
        element.unparse(writer, 0, 0);
      }
      writer.endList(frame);
    }
    if (query != null) {
      writer.keyword("AS");
      query.unparse(writer, 0, 0);
    }
  }
}
