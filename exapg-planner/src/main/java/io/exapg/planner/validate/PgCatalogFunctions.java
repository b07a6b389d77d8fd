package io.exapg.planner.validate;

import java.util.List;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;

/**
 * PostgreSQL's system information functions that client catalog queries call (psql,
 * JDBC, BI tools); ExprTranslator gives them their values.
 */
final class PgCatalogFunctions {
  private static final SqlReturnTypeInference TEXT =
      ReturnTypes.explicit(SqlTypeName.VARCHAR).andThen(SqlTypeTransforms.TO_NULLABLE);
  private static final SqlReturnTypeInference ALWAYS_NULL_TEXT =
      ReturnTypes.explicit(SqlTypeName.VARCHAR).andThen(SqlTypeTransforms.FORCE_NULLABLE);
  private static final SqlReturnTypeInference SIZE =
      ReturnTypes.explicit(SqlTypeName.BIGINT).andThen(SqlTypeTransforms.FORCE_NULLABLE);
  private static final SqlReturnTypeInference BOOLEAN =
      ReturnTypes.explicit(SqlTypeName.BOOLEAN).andThen(SqlTypeTransforms.TO_NULLABLE);
  /** ([user,] object, privileges): the object by OID or by name. */
  private static final SqlOperandTypeChecker PRIVILEGE_OPERANDS = OperandTypes.or(
      OperandTypes.family(SqlTypeFamily.INTEGER, SqlTypeFamily.CHARACTER),
      OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER),
      OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.INTEGER,
          SqlTypeFamily.CHARACTER),
      OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER,
          SqlTypeFamily.CHARACTER));

  /**
   * regclassin(text): the OID of the relation a name (computed while the query runs) finds;
   * what "expr::regclass" becomes when expr is not a literal.
   */
  static final SqlFunction REGCLASS_IN = function("REGCLASSIN",
      ReturnTypes.explicit(SqlTypeName.INTEGER).andThen(SqlTypeTransforms.TO_NULLABLE),
      OperandTypes.family(SqlTypeFamily.CHARACTER));

  static final List<SqlOperator> ALL = List.of(
      REGCLASS_IN,
      // run by the session as a statement of its own (it resets the node's figures)
      function("EXA_STATEMENT_STATS_RESET", TEXT, OperandTypes.NILADIC),
      function("EXA_TRACE_STOP", TEXT, OperandTypes.NILADIC),
      function("EXA_TRACE_EXPORT", ALWAYS_NULL_TEXT,
          OperandTypes.family(SqlTypeFamily.INTEGER, SqlTypeFamily.CHARACTER)),
      function("TO_REGCLASS",
          ReturnTypes.explicit(SqlTypeName.INTEGER).andThen(SqlTypeTransforms.FORCE_NULLABLE),
          OperandTypes.family(SqlTypeFamily.CHARACTER)),
      function("PG_GET_USERBYID", TEXT, OperandTypes.family(SqlTypeFamily.INTEGER)),
      function("PG_TABLE_IS_VISIBLE",
          ReturnTypes.explicit(SqlTypeName.BOOLEAN).andThen(SqlTypeTransforms.TO_NULLABLE),
          OperandTypes.family(SqlTypeFamily.INTEGER)),
      function("FORMAT_TYPE", TEXT,
          OperandTypes.family(SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER)),
      function("PG_ENCODING_TO_CHAR", TEXT, OperandTypes.family(SqlTypeFamily.INTEGER)),
      function("PG_BACKEND_PID", ReturnTypes.INTEGER, OperandTypes.NILADIC),
      function("CURRENT_SETTING", TEXT, OperandTypes.or(
          OperandTypes.family(SqlTypeFamily.CHARACTER),
          OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.BOOLEAN))),
      function("HAS_TABLE_PRIVILEGE", BOOLEAN, PRIVILEGE_OPERANDS),
      function("HAS_ANY_COLUMN_PRIVILEGE", BOOLEAN, PRIVILEGE_OPERANDS),
      function("HAS_SCHEMA_PRIVILEGE", BOOLEAN, PRIVILEGE_OPERANDS),
      function("HAS_DATABASE_PRIVILEGE", BOOLEAN, PRIVILEGE_OPERANDS),
      function("PG_GET_INDEXDEF", TEXT, OperandTypes.or(
          OperandTypes.family(SqlTypeFamily.INTEGER),
          OperandTypes.family(SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER,
              SqlTypeFamily.BOOLEAN))),
      function("PG_GET_CONSTRAINTDEF", TEXT, OperandTypes.or(
          OperandTypes.family(SqlTypeFamily.INTEGER),
          OperandTypes.family(SqlTypeFamily.INTEGER, SqlTypeFamily.BOOLEAN))),
      function("OBJ_DESCRIPTION", ALWAYS_NULL_TEXT, OperandTypes.or(
          OperandTypes.family(SqlTypeFamily.INTEGER),
          OperandTypes.family(SqlTypeFamily.INTEGER, SqlTypeFamily.CHARACTER))),
      function("SHOBJ_DESCRIPTION", ALWAYS_NULL_TEXT,
          OperandTypes.family(SqlTypeFamily.INTEGER, SqlTypeFamily.CHARACTER)),
      function("COL_DESCRIPTION", ALWAYS_NULL_TEXT,
          OperandTypes.family(SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER)),
      function("PG_TYPEOF", ReturnTypes.explicit(SqlTypeName.VARCHAR), OperandTypes.ANY),
      function("PG_GET_EXPR", ALWAYS_NULL_TEXT, OperandTypes.or(
          OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.INTEGER),
          OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.INTEGER,
              SqlTypeFamily.BOOLEAN))),
      function("CURRENT_SCHEMAS", opBinding -> opBinding.getTypeFactory().createArrayType(
          opBinding.getTypeFactory().createSqlType(SqlTypeName.VARCHAR), -1),
          OperandTypes.family(SqlTypeFamily.BOOLEAN)),
      new SqlFunction("GEN_RANDOM_UUID", SqlKind.OTHER_FUNCTION,
          ReturnTypes.explicit(SqlTypeName.UUID), null, OperandTypes.NILADIC,
          SqlFunctionCategory.SYSTEM) {
        @Override
        public boolean isDeterministic() {
          return false;
        }
      },
      function("PG_GET_VIEWDEF", TEXT, OperandTypes.or(
          OperandTypes.family(SqlTypeFamily.INTEGER),
          OperandTypes.family(SqlTypeFamily.INTEGER, SqlTypeFamily.BOOLEAN))),
      function("PG_TABLE_SIZE", SIZE, OperandTypes.family(SqlTypeFamily.INTEGER)),
      function("PG_RELATION_SIZE", SIZE, OperandTypes.family(SqlTypeFamily.INTEGER)),
      function("PG_TOTAL_RELATION_SIZE", SIZE, OperandTypes.family(SqlTypeFamily.INTEGER)),
      function("PG_INDEXES_SIZE", SIZE, OperandTypes.family(SqlTypeFamily.INTEGER)),
      function("PG_DATABASE_SIZE", SIZE, OperandTypes.or(
          OperandTypes.family(SqlTypeFamily.INTEGER),
          OperandTypes.family(SqlTypeFamily.CHARACTER))),
      function("PG_TABLESPACE_SIZE", SIZE, OperandTypes.or(
          OperandTypes.family(SqlTypeFamily.INTEGER),
          OperandTypes.family(SqlTypeFamily.CHARACTER))),
      function("GETDATABASEENCODING", ReturnTypes.explicit(SqlTypeName.VARCHAR),
          OperandTypes.NILADIC),
      function("PG_SIZE_PRETTY", TEXT, OperandTypes.family(SqlTypeFamily.NUMERIC)),
      function("PG_GET_SERIAL_SEQUENCE", ALWAYS_NULL_TEXT,
          OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER)),
      function("JSON_BUILD_OBJECT", TEXT, OperandTypes.VARIADIC),
      function("PG_RELATION_IS_PUBLISHABLE", BOOLEAN,
          OperandTypes.family(SqlTypeFamily.INTEGER)),
      function("PG_TYPE_IS_VISIBLE", BOOLEAN, OperandTypes.family(SqlTypeFamily.INTEGER)),
      function("PG_FUNCTION_IS_VISIBLE", BOOLEAN, OperandTypes.family(SqlTypeFamily.INTEGER)),
      // visibility of objects ExaPG has none of (NULL, as PostgreSQL for unknown OIDs)
      function("PG_OPERATOR_IS_VISIBLE", BOOLEAN, OperandTypes.family(SqlTypeFamily.INTEGER)),
      function("PG_OPCLASS_IS_VISIBLE", BOOLEAN, OperandTypes.family(SqlTypeFamily.INTEGER)),
      function("PG_OPFAMILY_IS_VISIBLE", BOOLEAN, OperandTypes.family(SqlTypeFamily.INTEGER)),
      function("PG_CONVERSION_IS_VISIBLE", BOOLEAN,
          OperandTypes.family(SqlTypeFamily.INTEGER)),
      function("PG_COLLATION_IS_VISIBLE", BOOLEAN, OperandTypes.family(SqlTypeFamily.INTEGER)),
      function("PG_TS_CONFIG_IS_VISIBLE", BOOLEAN, OperandTypes.family(SqlTypeFamily.INTEGER)),
      function("PG_TS_DICT_IS_VISIBLE", BOOLEAN, OperandTypes.family(SqlTypeFamily.INTEGER)),
      function("PG_TS_PARSER_IS_VISIBLE", BOOLEAN, OperandTypes.family(SqlTypeFamily.INTEGER)),
      function("PG_TS_TEMPLATE_IS_VISIBLE", BOOLEAN,
          OperandTypes.family(SqlTypeFamily.INTEGER)),
      function("PG_STATISTICS_OBJ_IS_VISIBLE", BOOLEAN,
          OperandTypes.family(SqlTypeFamily.INTEGER)),
      function("PG_CHAR_TO_ENCODING", ReturnTypes.explicit(SqlTypeName.INTEGER)
          .andThen(SqlTypeTransforms.TO_NULLABLE), OperandTypes.family(SqlTypeFamily.CHARACTER)),
      function("PG_TABLESPACE_LOCATION", TEXT, OperandTypes.family(SqlTypeFamily.INTEGER)),
      function("PG_GET_FUNCTION_RESULT", ALWAYS_NULL_TEXT,
          OperandTypes.family(SqlTypeFamily.INTEGER)),
      function("PG_GET_FUNCTION_ARGUMENTS", ALWAYS_NULL_TEXT,
          OperandTypes.family(SqlTypeFamily.INTEGER)),
      function("PG_GET_STATISTICSOBJDEF_COLUMNS", ALWAYS_NULL_TEXT,
          OperandTypes.family(SqlTypeFamily.INTEGER)),
      function("PG_GET_FUNCTION_IDENTITY_ARGUMENTS", ALWAYS_NULL_TEXT,
          OperandTypes.family(SqlTypeFamily.INTEGER)),
      function("VERSION", ReturnTypes.explicit(SqlTypeName.VARCHAR), OperandTypes.NILADIC),
      function("CURRENT_DATABASE", ReturnTypes.explicit(SqlTypeName.VARCHAR),
          OperandTypes.NILADIC));

  private PgCatalogFunctions() {
  }

  private static SqlFunction function(String name, SqlReturnTypeInference returnType,
      SqlOperandTypeChecker operands) {
    return new SqlFunction(name, SqlKind.OTHER_FUNCTION, returnType, null, operands,
        SqlFunctionCategory.SYSTEM);
  }
}
