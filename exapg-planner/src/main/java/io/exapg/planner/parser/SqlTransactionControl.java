package io.exapg.planner.parser;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * BEGIN / START TRANSACTION, COMMIT / END, ROLLBACK / ABORT, SAVEPOINT name, RELEASE
 * [SAVEPOINT] name, ROLLBACK TO [SAVEPOINT] name.
 */
public final class SqlTransactionControl extends SqlCall {
  /** Which transaction statement this is. */
  public enum Kind {
    BEGIN,
    COMMIT,
    ROLLBACK,
    SAVEPOINT,
    RELEASE,
    ROLLBACK_TO
  }

  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("TRANSACTION", SqlKind.OTHER);

  public final Kind kind;
  /** Transaction modes as written, e.g. "ISOLATION LEVEL SERIALIZABLE", "READ ONLY". */
  public final List<String> modes;
  /** The savepoint SAVEPOINT, RELEASE and ROLLBACK TO name; null for the others. */
  public final @Nullable String savepoint;

  public SqlTransactionControl(SqlParserPos pos, Kind kind, List<String> modes) {
    this(pos, kind, modes, null);
  }

  public SqlTransactionControl(SqlParserPos pos, Kind kind, List<String> modes,
      @Nullable String savepoint) {
    super(pos);
    this.kind = kind;
    this.modes = List.copyOf(modes);
    this.savepoint = savepoint;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of();
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(kind.name().replace('_', ' '));
    for (String mode : modes) {
      writer.keyword(mode);
    }
    if (savepoint != null) {
      writer.identifier(savepoint, true);
    }
  }
}
