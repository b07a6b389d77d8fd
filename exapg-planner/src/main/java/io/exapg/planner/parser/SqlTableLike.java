package io.exapg.planner.parser;

import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * LIKE source [INCLUDING | EXCLUDING option ...] among CREATE TABLE's elements: the source
 * table's (or view's) columns at that place.
 */
public final class SqlTableLike extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("LIKE", SqlKind.OTHER);

  public final SqlIdentifier source;
  /** The options as written, upper case: "INCLUDING INDEXES", "EXCLUDING ALL", ... */
  public final List<String> options;

  public SqlTableLike(SqlParserPos pos, SqlIdentifier source, List<String> options) {
    super(pos);
    this.source = source;
    this.options = options.stream().map(o -> o.toUpperCase(Locale.ROOT)).toList();
  }

  /** Whether the last option naming this one (or ALL) includes it; EXCLUDING by default. */
  public boolean includes(String option) {
    boolean included = false;
    for (String clause : options) {
      String[] words = clause.split(" ");
      if (words[1].equals(option) || words[1].equals("ALL")) {
        included = words[0].equals("INCLUDING");
      }
    }
    return included;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(source);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("LIKE");
    source.unparse(writer, 0, 0);
    for (String option : options) {
      writer.keyword(option);
    }
  }
}
