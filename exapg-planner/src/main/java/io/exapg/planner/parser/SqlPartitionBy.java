package io.exapg.planner.parser;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * PARTITION BY column [EVERY width], PARTITION BY RANGE (column) [EVERY width] or PARTITION BY
 * LIST (column): a clause of CREATE TABLE or ALTER TABLE.
 */
public final class SqlPartitionBy extends SqlCall {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("PARTITION BY", SqlKind.OTHER);

  /** How the user asked for partitions to be formed. */
  public enum Method { DEFAULT, RANGE, LIST }

  public final SqlIdentifier column;
  public final Method method;
  /** An INTERVAL or numeric literal: the span of one range partition; null if not given. */
  public final @Nullable SqlLiteral every;

  public SqlPartitionBy(SqlParserPos pos, SqlIdentifier column, Method method,
      @Nullable SqlLiteral every) {
    super(pos);
    this.column = column;
    this.method = method;
    this.every = every;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    List<SqlNode> operands = new ArrayList<>();
    operands.add(column);
    if (every != null) {
      operands.add(every);
    }
    return operands;
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("PARTITION BY");
    if (method != Method.DEFAULT) {
      writer.keyword(method.name());
      SqlWriter.Frame frame = writer.startList("(", ")");
      column.unparse(writer, 0, 0);
      writer.endList(frame);
    } else {
      column.unparse(writer, 0, 0);
    }
    if (every != null) {
      writer.keyword("EVERY");
      every.unparse(writer, 0, 0);
    }
  }
}
