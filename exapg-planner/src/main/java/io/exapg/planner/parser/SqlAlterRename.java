package io.exapg.planner.parser;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * ALTER TABLE | VIEW [IF EXISTS] name RENAME TO new_name, or RENAME [COLUMN] column TO
 * new_name: changes names in the catalog only.
 */
public final class SqlAlterRename extends SqlCall {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("ALTER RENAME", SqlKind.OTHER_DDL);

  /** ALTER VIEW rather than ALTER TABLE. */
  public final boolean view;
  public final boolean ifExists;
  public final SqlIdentifier name;
  /** The column to rename; null when the relation itself is renamed. */
  public final @Nullable SqlIdentifier column;
  public final SqlIdentifier newName;

  public SqlAlterRename(SqlParserPos pos, boolean view, boolean ifExists, SqlIdentifier name,
      @Nullable SqlIdentifier column, SqlIdentifier newName) {
    super(pos);
    this.view = view;
    this.ifExists = ifExists;
    this.name = name;
    this.column = column;
    this.newName = newName;
  }

  /** The statement's command tag. */
  public String command() {
    return view ? "ALTER VIEW" : "ALTER TABLE";
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    List<SqlNode> operands = new ArrayList<>();
    operands.add(name);
    if (column != null) {
      operands.add(column);
    }
    operands.add(newName);
    return operands;
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(command());
    if (ifExists) {
      writer.keyword("IF EXISTS");
    }
    name.unparse(writer, 0, 0);
    writer.keyword("RENAME");
    if (column != null) {
      writer.keyword("COLUMN");
      column.unparse(writer, 0, 0);
    }
    writer.keyword("TO");
    newName.unparse(writer, 0, 0);
  }
}
