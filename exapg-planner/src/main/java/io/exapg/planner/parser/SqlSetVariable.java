package io.exapg.planner.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.SqlAlter;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.NlsString;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * SET name = value, SET name TO DEFAULT, RESET name, RESET ALL, and the transaction-mode forms
 * of SET. Values are kept as the strings PostgreSQL would see.
 */
public final class SqlSetVariable extends SqlAlter {
  /** Which form of statement this is. */
  public enum Form {
    SET,
    RESET,
    RESET_ALL,
    TRANSACTION_MODES,
    SESSION_TRANSACTION_MODES
  }

  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("SET", SqlKind.SET_OPTION);

  public final Form form;
  /** The setting's name, lower case; null for RESET ALL and the transaction forms. */
  public final @Nullable String name;
  /** Settings whose value is a list of names (identifiers keep their quotes in the text). */
  private static final Set<String> LIST_OF_NAMES = Set.of("search_path");

  /** The values as text; empty for DEFAULT and RESET. */
  public final List<String> values;
  /** SET LOCAL: only for the current transaction. */
  public final boolean local;

  private SqlSetVariable(SqlParserPos pos, @Nullable String scope, Form form,
      @Nullable String name, List<String> values, boolean local) {
    super(pos, scope);
    this.form = form;
    this.name = name;
    this.values = List.copyOf(values);
    this.local = local;
  }

  public static SqlSetVariable set(SqlParserPos pos, @Nullable String scope, SqlIdentifier name,
      List<SqlNode> values, boolean local) {
    List<String> texts = new ArrayList<>();
    boolean names = LIST_OF_NAMES.contains(nameOf(name));
    for (SqlNode value : values) {
      texts.add(names && value instanceof SqlIdentifier identifier
          ? Identifiers.quoteIfNeeded(identifier.getSimple()) : valueText(value));
    }
    return new SqlSetVariable(pos, scope, Form.SET, nameOf(name), texts, local);
  }

  public static SqlSetVariable reset(SqlParserPos pos, @Nullable String scope,
      @Nullable SqlIdentifier name) {
    return name == null
        ? new SqlSetVariable(pos, scope, Form.RESET_ALL, null, List.of(), false)
        : new SqlSetVariable(pos, scope, Form.RESET, nameOf(name), List.of(), false);
  }

  public static SqlSetVariable transactionModes(SqlParserPos pos, @Nullable String scope,
      List<String> modes, boolean sessionDefault) {
    return new SqlSetVariable(pos, scope,
        sessionDefault ? Form.SESSION_TRANSACTION_MODES : Form.TRANSACTION_MODES, null, modes,
        false);
  }

  private static String nameOf(SqlIdentifier name) {
    return String.join(".", name.names).toLowerCase(Locale.ROOT);
  }

  private static String valueText(SqlNode value) {
    if (value instanceof SqlLiteral literal) {
      Object v = literal.getValue();
      if (v instanceof NlsString nls) {
        return nls.getValue();
      }
      if (literal.getTypeName().getFamily() != null
          && literal.getValue() instanceof java.math.BigDecimal decimal) {
        return decimal.toPlainString();
      }
      return literal.toValue() == null ? "" : literal.toValue();
    }
    if (value instanceof SqlIdentifier identifier) {
      return String.join(".", identifier.names);
    }
    return value.toString();
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
  protected void unparseAlterOperation(SqlWriter writer, int leftPrec, int rightPrec) {
    switch (form) {
      case SET -> {
        writer.keyword("SET");
        writer.print(name + " = " + (values.isEmpty() ? "DEFAULT" : String.join(", ", values)));
      }
      case RESET -> {
        writer.keyword("RESET");
        writer.print(name);
      }
      case RESET_ALL -> writer.keyword("RESET ALL");
      case TRANSACTION_MODES, SESSION_TRANSACTION_MODES -> {
        writer.keyword("SET TRANSACTION");
        writer.print(String.join(", ", values));
      }
      default -> throw new IllegalStateException(form.name());
    }
  }
}
