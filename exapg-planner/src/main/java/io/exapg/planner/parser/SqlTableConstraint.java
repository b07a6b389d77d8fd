package io.exapg.planner.parser;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
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
 * A table constraint in CREATE TABLE: [CONSTRAINT name] PRIMARY KEY (...), UNIQUE (...), and
 * FOREIGN KEY and CHECK, which are read only to be refused.
 */
public final class SqlTableConstraint extends SqlCall {
  /** The kinds of table constraint the grammar accepts. */
  public enum Kind {
    PRIMARY_KEY("PRIMARY KEY"),
    UNIQUE("UNIQUE"),
    FOREIGN_KEY("FOREIGN KEY"),
    CHECK("CHECK");

    public final String sql;

    Kind(String sql) {
      this.sql = sql;
    }
  }

  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("TABLE CONSTRAINT", SqlKind.OTHER_DDL);

  public final Kind kind;
  public final @Nullable SqlIdentifier constraintName;
  public final SqlNodeList columns;

  public SqlTableConstraint(SqlParserPos pos, Kind kind, @Nullable SqlIdentifier constraintName,
      SqlNodeList columns) {
    super(pos);
    this.kind = kind;
    this.constraintName = constraintName;
    this.columns = columns;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    List<SqlNode> operands = new ArrayList<>();
    if (constraintName != null) {
      operands.add(constraintName);
    }
    operands.add(columns);
    return operands;
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    if (constraintName != null) {
      writer.keyword("CONSTRAINT");
      constraintName.unparse(writer, 0, 0);
    }
    writer.keyword(kind.sql);
    columns.unparse(writer, 0, 0);
  }
}
