package io.exapg.planner.parser;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * ALTER TABLE [IF EXISTS] name action [, ...] where each action adds, drops or changes a
 * column: ADD [COLUMN] [IF NOT EXISTS] definition, DROP [COLUMN] [IF EXISTS] column
 * [CASCADE | RESTRICT], ALTER [COLUMN] column [SET DATA] TYPE type [USING expression],
 * ALTER [COLUMN] column SET | DROP NOT NULL, ALTER [COLUMN] column SET DEFAULT ... | DROP
 * DEFAULT.
 */
public final class SqlAlterColumns extends SqlCall {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("ALTER TABLE COLUMNS", SqlKind.OTHER_DDL);

  public enum Kind {
    ADD, DROP, TYPE, SET_NOT_NULL, DROP_NOT_NULL, SET_DEFAULT, DROP_DEFAULT
  }

  /**
   * One action.
   *
   * @param column the column named (for ADD, the new column's name)
   * @param definition for ADD: the column definition or table constraint; for SET DEFAULT: the
   *     expression; else null
   * @param type for TYPE: the new type, else null
   * @param using for TYPE: the USING expression, or null
   * @param ifExists IF EXISTS of DROP, IF NOT EXISTS of ADD
   */
  public record Action(Kind kind, @Nullable SqlIdentifier column, @Nullable SqlNode definition,
      @Nullable SqlDataTypeSpec type, @Nullable SqlNode using, boolean ifExists,
      boolean cascade) {
  }

  public final boolean ifExists;
  public final SqlIdentifier name;
  public final List<Action> actions;

  public SqlAlterColumns(SqlParserPos pos, boolean ifExists, SqlIdentifier name,
      List<Action> actions) {
    super(pos);
    this.ifExists = ifExists;
    this.name = name;
    this.actions = List.copyOf(actions);
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(name);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("ALTER TABLE");
    if (ifExists) {
      writer.keyword("IF EXISTS");
    }
    name.unparse(writer, 0, 0);
    for (int i = 0; i < actions.size(); i++) {
      Action action = actions.get(i);
      if (i > 0) {
        writer.sep(",");
      }
      writer.keyword(action.kind().name().replace('_', ' '));
      if (action.column() != null) {
        action.column().unparse(writer, 0, 0);
      }
      if (action.type() != null) {
        action.type().unparse(writer, 0, 0);
      }
    }
  }
}
