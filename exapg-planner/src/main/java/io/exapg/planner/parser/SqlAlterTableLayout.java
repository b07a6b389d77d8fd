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
 * ALTER TABLE [IF EXISTS] name PARTITION BY ... | DISTRIBUTE BY ... | DROP PARTITION KEYS | DROP
 * DISTRIBUTION KEYS: changes how a table's rows are laid out and moves the existing rows.
 */
public final class SqlAlterTableLayout extends SqlCall {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("ALTER TABLE", SqlKind.ALTER_TABLE);

  public final boolean ifExists;
  public final SqlIdentifier name;
  public final @Nullable SqlPartitionBy partitionBy;
  public final @Nullable SqlDistributeBy distributeBy;
  public final boolean dropPartitioning;
  public final boolean dropDistribution;

  public SqlAlterTableLayout(SqlParserPos pos, boolean ifExists, SqlIdentifier name,
      @Nullable SqlPartitionBy partitionBy, @Nullable SqlDistributeBy distributeBy,
      boolean dropPartitioning, boolean dropDistribution) {
    super(pos);
    this.ifExists = ifExists;
    this.name = name;
    this.partitionBy = partitionBy;
    this.distributeBy = distributeBy;
    this.dropPartitioning = dropPartitioning;
    this.dropDistribution = dropDistribution;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    List<SqlNode> operands = new ArrayList<>();
    operands.add(name);
    if (partitionBy != null) {
      operands.add(partitionBy);
    }
    if (distributeBy != null) {
      operands.add(distributeBy);
    }
    return operands;
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("ALTER TABLE");
    name.unparse(writer, 0, 0);
    if (partitionBy != null) {
      partitionBy.unparse(writer, 0, 0);
    }
    if (distributeBy != null) {
      distributeBy.unparse(writer, 0, 0);
    }
    if (dropPartitioning) {
      writer.keyword("DROP PARTITION KEYS");
    }
    if (dropDistribution) {
      writer.keyword("DROP DISTRIBUTION KEYS");
    }
  }
}
