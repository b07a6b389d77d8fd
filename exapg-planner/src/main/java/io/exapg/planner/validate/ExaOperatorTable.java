package io.exapg.planner.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.fun.SqlLibrary;
import org.apache.calcite.sql.fun.SqlLibraryOperatorTableFactory;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlNameMatcher;
import org.apache.calcite.sql.validate.SqlNameMatchers;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The functions SQL may call: Calcite's standard and PostgreSQL library operators, plus the
 * PostgreSQL functions ExaPG defines itself. Function names match case-insensitively, as in
 * PostgreSQL, whatever the case rules for identifiers.
 */
public final class ExaOperatorTable implements SqlOperatorTable {
  public static final SqlFunction DATE_TRUNC = new SqlFunction("DATE_TRUNC",
      SqlKind.OTHER_FUNCTION,
      ReturnTypes.explicit(SqlTypeName.TIMESTAMP).andThen(SqlTypeTransforms.TO_NULLABLE), null,
      OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.DATETIME),
      SqlFunctionCategory.TIMEDATE);

  public static final SqlFunction DATE_PART = new SqlFunction("DATE_PART",
      SqlKind.OTHER_FUNCTION,
      ReturnTypes.explicit(SqlTypeName.DOUBLE).andThen(SqlTypeTransforms.TO_NULLABLE), null,
      OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.DATETIME),
      SqlFunctionCategory.TIMEDATE);

  public static final SqlFunction BTRIM = new SqlFunction("BTRIM", SqlKind.OTHER_FUNCTION,
      ReturnTypes.explicit(SqlTypeName.VARCHAR).andThen(SqlTypeTransforms.TO_NULLABLE), null,
      OperandTypes.or(OperandTypes.family(SqlTypeFamily.CHARACTER),
          OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER)),
      SqlFunctionCategory.STRING);

  public static final SqlFunction REVERSE = new SqlFunction("REVERSE", SqlKind.OTHER_FUNCTION,
      ReturnTypes.explicit(SqlTypeName.VARCHAR).andThen(SqlTypeTransforms.TO_NULLABLE), null,
      OperandTypes.family(SqlTypeFamily.CHARACTER), SqlFunctionCategory.STRING);

  public static final SqlFunction NOW = new SqlFunction("NOW", SqlKind.OTHER_FUNCTION,
      ReturnTypes.explicit(SqlTypeName.TIMESTAMP), null, OperandTypes.NILADIC,
      SqlFunctionCategory.TIMEDATE) {
    @Override
    public boolean isDynamicFunction() {
      return true;
    }
  };

  public static final SqlFunction LTRIM = trim("LTRIM");
  public static final SqlFunction RTRIM = trim("RTRIM");

  public static final SqlFunction OCTET_LENGTH = new SqlFunction("OCTET_LENGTH",
      SqlKind.OTHER_FUNCTION,
      ReturnTypes.explicit(SqlTypeName.INTEGER).andThen(SqlTypeTransforms.TO_NULLABLE), null,
      OperandTypes.or(OperandTypes.family(SqlTypeFamily.CHARACTER),
          OperandTypes.family(SqlTypeFamily.BINARY)), SqlFunctionCategory.STRING);

  public static final SqlFunction TRUNC = new SqlFunction("TRUNC", SqlKind.OTHER_FUNCTION,
      ReturnTypes.ARG0_NULLABLE, null, OperandTypes.NUMERIC_OPTIONAL_INTEGER,
      SqlFunctionCategory.NUMERIC);

  private static SqlFunction trim(String name) {
    return new SqlFunction(name, SqlKind.OTHER_FUNCTION,
        ReturnTypes.explicit(SqlTypeName.VARCHAR).andThen(SqlTypeTransforms.TO_NULLABLE), null,
        OperandTypes.or(OperandTypes.family(SqlTypeFamily.CHARACTER),
            OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER)),
        SqlFunctionCategory.STRING);
  }

  private static final Set<String> REPLACED = replaced();

  private static Set<String> replaced() {
    Set<String> names = new java.util.HashSet<>(List.of("DATE_TRUNC", "DATE_PART", "BTRIM",
        "REVERSE", "NOW", "LTRIM", "RTRIM", "OCTET_LENGTH", "TRUNC", "ARRAY_TO_STRING",
        "ARRAY_LENGTH", "ARRAY_UPPER", "ARRAY_LOWER", "ARRAY_CAT", "STRING_TO_ARRAY"));
    names.addAll(ByteaFunctions.NAMES);
    names.addAll(StringFunctions.NAMES);
    return Set.copyOf(names);
  }

  private final SqlOperatorTable delegate;

  public ExaOperatorTable() {
    List<SqlOperator> operators = new ArrayList<>(List.of(DATE_TRUNC, DATE_PART, BTRIM, REVERSE,
        NOW, LTRIM, RTRIM, OCTET_LENGTH, TRUNC));
    operators.addAll(PgCatalogFunctions.ALL);
    operators.addAll(ArrayFunctions.ALL);
    operators.addAll(ByteaFunctions.ALL);
    operators.addAll(StringFunctions.ALL);
    for (SqlOperator operator : SqlLibraryOperatorTableFactory.INSTANCE.getOperatorTable(
        SqlLibrary.POSTGRESQL).getOperatorList()) {
      if (!REPLACED.contains(operator.getName())) {
        operators.add(operator);
      }
    }
    this.delegate = SqlOperatorTables.chain(SqlOperatorTables.of(operators),
        new StandardOperators());
  }

  /** Calcite's standard operators except those ExaPG defines with PostgreSQL's signature. */
  private static final class StandardOperators implements SqlOperatorTable {
    @Override
    public void lookupOperatorOverloads(SqlIdentifier name,
        @Nullable SqlFunctionCategory category, SqlSyntax syntax, List<SqlOperator> operators,
        SqlNameMatcher nameMatcher) {
      if (name.isSimple() && REPLACED.contains(name.getSimple().toUpperCase(
          java.util.Locale.ROOT))) {
        return;
      }
      int before = operators.size();
      SqlStdOperatorTable.instance().lookupOperatorOverloads(name, category, syntax, operators,
          nameMatcher);
      for (int i = before; i < operators.size(); i++) {
        if (operators.get(i) == SqlStdOperatorTable.PLUS) {
          operators.set(i, DateArithmetic.PLUS);
        } else if (operators.get(i) == SqlStdOperatorTable.MINUS) {
          operators.set(i, DateArithmetic.MINUS);
        }
      }
    }

    @Override
    public List<SqlOperator> getOperatorList() {
      return SqlStdOperatorTable.instance().getOperatorList().stream()
          .filter(operator -> !REPLACED.contains(operator.getName())).toList();
    }
  }

  /** Functions are found with or without "pg_catalog.", where PostgreSQL keeps them all. */
  @Override
  public void lookupOperatorOverloads(SqlIdentifier name, @Nullable SqlFunctionCategory category,
      SqlSyntax syntax, List<SqlOperator> operators, SqlNameMatcher nameMatcher) {
    SqlIdentifier unqualified = name.names.size() == 2
        && name.names.get(0).equalsIgnoreCase("pg_catalog")
        ? new SqlIdentifier(name.names.get(1), name.getParserPosition()) : name;
    delegate.lookupOperatorOverloads(unqualified, category, syntax, operators,
        SqlNameMatchers.withCaseSensitive(false));
  }

  @Override
  public List<SqlOperator> getOperatorList() {
    return delegate.getOperatorList();
  }
}
