package io.exapg.planner.plan;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.core.expr.Call;
import io.exapg.core.expr.ColumnRef;
import io.exapg.core.expr.ConstantFolding;
import io.exapg.core.expr.Expr;
import io.exapg.core.expr.Function;
import io.exapg.core.expr.Literal;
import io.exapg.core.expr.Parameter;
import io.exapg.core.expr.runtime.PgTypeNames;
import io.exapg.core.trace.QueryRecord;
import io.exapg.core.trace.TraceExport;
import io.exapg.core.type.ArrayText;
import io.exapg.core.type.Calendar;
import io.exapg.core.type.DataType;
import io.exapg.core.type.TextFormat;
import io.exapg.core.type.TypeId;
import io.exapg.planner.catalog.pg.PgBuiltinFunctions;
import io.exapg.planner.catalog.pg.PgComments;
import io.exapg.planner.catalog.pg.PgEncodings;
import io.exapg.planner.catalog.pg.PgOids;
import io.exapg.planner.catalog.pg.PgTypeTable;
import io.exapg.planner.parser.Identifiers;
import io.exapg.planner.type.TypeMapping;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlLikeOperator;
import org.apache.calcite.sql.fun.SqlQuantifyOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.fun.SqlTrimFunction;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.TimestampString;

/**
 * Translates Calcite row expressions into ExaPG's {@link Expr} specs over the columns of an
 * input. Dates, times and the statement clock are resolved here; anything the engine cannot
 * evaluate yet is reported with SQLSTATE 0A000.
 */
public final class ExprTranslator {
  private final RexBuilder rexBuilder;
  private final List<DataType> inputTypes;
  private final StatementParameters parameters;
  private final StatementContext statement;

  public ExprTranslator(RexBuilder rexBuilder, List<DataType> inputTypes,
      StatementParameters parameters, StatementContext statement) {
    this.rexBuilder = rexBuilder;
    this.inputTypes = inputTypes;
    this.parameters = parameters;
    this.statement = statement;
  }

  public List<Expr> translate(List<? extends RexNode> nodes) {
    List<Expr> result = new ArrayList<>();
    for (RexNode node : nodes) {
      result.add(translate(node));
    }
    return result;
  }

  public Expr translate(RexNode node) {
    if (node instanceof RexInputRef ref) {
      return new ColumnRef(ref.getIndex(), inputTypes.get(ref.getIndex()));
    }
    if (node instanceof RexLiteral literal) {
      return literal(literal);
    }
    if (node instanceof RexDynamicParam param) {
      int index = parameters.indexOf(param.getIndex());
      return new Parameter(index, parameters.type(index));
    }
    if (node instanceof RexCall call) {
      return ConstantFolding.fold(call(call));
    }
    throw ExaException.notSupported("expression " + node.getKind().lowerName
        + " (correlated references, window functions and subqueries that cannot be"
        + " rewritten as joins)");
  }

  public static DataType typeOf(RelDataType type) {
    return TypeMapping.toDataType(type);
  }

  // ---------------------------------------------------------------- literals

  public static Literal literal(RexLiteral literal) {
    RelDataType relType = literal.getType();
    SqlTypeName name = relType.getSqlTypeName();
    if (name == SqlTypeName.CHAR) {
      return new Literal(literal.isNull() ? null : literal.getValueAs(String.class),
          DataType.TEXT);
    }
    DataType type = typeOf(relType);
    if (literal.isNull()) {
      return Literal.nullOf(type);
    }
    Object value = switch (type.id()) {
      case BOOLEAN -> literal.getValueAs(Boolean.class);
      case SMALLINT, INTEGER -> literal.getValueAs(Integer.class);
      case BIGINT -> literal.getValueAs(Long.class);
      case DECIMAL -> TextFormat.fromBigDecimal(literal.getValueAs(BigDecimal.class),
          type.precision(), type.scale());
      case REAL -> literal.getValueAs(Float.class);
      case DOUBLE -> literal.getValueAs(Double.class);
      case VARCHAR, CHAR -> literal.getValueAs(String.class);
      case DATE -> literal.getValueAs(DateString.class).getDaysSinceEpoch();
      case TIMESTAMP -> TextFormat.parseTimestamp(
          literal.getValueAs(TimestampString.class).toString());
      case UUID -> TextFormat.parseUuid(String.valueOf(literal.getValue()));
      case BYTEA -> literal.getValueAs(ByteString.class).getBytes();
      case ARRAY -> throw ExaException.notSupported("array literal " + literal);
    };
    return new Literal(value, type);
  }

  private static String symbol(RexNode node) {
    if (node instanceof RexLiteral literal && literal.getValue() instanceof Enum<?> e) {
      return e.name();
    }
    if (node instanceof RexLiteral literal && literal.getValue() instanceof NlsString s) {
      return s.getValue();
    }
    throw ExaException.internal("expected a symbol: " + node, null);
  }

  // ---------------------------------------------------------------- calls

  private Expr call(RexCall call) {
    DataType type = typeOf(call.getType());
    List<RexNode> operands = call.getOperands();
    switch (call.getKind()) {
      case PLUS:
      case MINUS:
        if (isDatetime(call.getOperands().get(0)) || isDatetime(call.getOperands().get(1))) {
          return datetimeArithmetic(call, type);
        }
        return arithmetic(call.getKind() == SqlKind.PLUS ? Function.ADD : Function.SUBTRACT,
            call, type);
      case TIMES:
        return arithmetic(Function.MULTIPLY, call, type);
      case DIVIDE:
        return arithmetic(Function.DIVIDE, call, type);
      case MOD:
        return modulo(call, type);
      case MINUS_PREFIX:
        return new Call(Function.NEGATE, List.of(cast(translate(operands.get(0)), type)), type);
      case PLUS_PREFIX:
        return translate(operands.get(0));
      case EQUALS:
        return comparison(Function.EQUAL, call);
      case NOT_EQUALS:
        return comparison(Function.NOT_EQUAL, call);
      case LESS_THAN:
        return comparison(Function.LESS_THAN, call);
      case LESS_THAN_OR_EQUAL:
        return comparison(Function.LESS_THAN_OR_EQUAL, call);
      case GREATER_THAN:
        return comparison(Function.GREATER_THAN, call);
      case GREATER_THAN_OR_EQUAL:
        return comparison(Function.GREATER_THAN_OR_EQUAL, call);
      case IS_DISTINCT_FROM:
        return comparison(Function.IS_DISTINCT_FROM, call);
      case IS_NOT_DISTINCT_FROM:
        return comparison(Function.IS_NOT_DISTINCT_FROM, call);
      case AND:
        return new Call(Function.AND, translate(operands), DataType.BOOLEAN);
      case OR:
        return inListOrOr(translate(operands));
      case NOT:
        return simple(Function.NOT, call, DataType.BOOLEAN);
      case IS_NULL:
        return simple(Function.IS_NULL, call, DataType.BOOLEAN);
      case IS_NOT_NULL:
        return simple(Function.IS_NOT_NULL, call, DataType.BOOLEAN);
      case IS_TRUE:
        return simple(Function.IS_TRUE, call, DataType.BOOLEAN);
      case IS_NOT_TRUE:
        return simple(Function.IS_NOT_TRUE, call, DataType.BOOLEAN);
      case IS_FALSE:
        return simple(Function.IS_FALSE, call, DataType.BOOLEAN);
      case IS_NOT_FALSE:
        return simple(Function.IS_NOT_FALSE, call, DataType.BOOLEAN);
      case CASE:
        return caseWhen(call, type);
      case COALESCE:
        return new Call(Function.COALESCE, castAll(translate(operands), type), type);
      case NULLIF:
        return new Call(Function.NULLIF, translate(operands), type);
      case CAST:
        return castCall(call, type);
      case SEARCH:
        return translate(RexUtil.expandSearch(rexBuilder, null, call));
      case LIKE:
        return like(call);
      case ITEM:
        return arrayElement(call, type);
      case ARRAY_VALUE_CONSTRUCTOR:
        return new Call(Function.ARRAY_VALUE, castAll(translate(operands), type.element()),
            type);
      case SOME:
      case ALL:
        return quantified(call);
      case POSIX_REGEX_CASE_SENSITIVE:
      case POSIX_REGEX_CASE_INSENSITIVE:
        return regex(call);
      case EXTRACT:
        return new Call(Function.EXTRACT, List.of(unitLiteral(operands.get(0)),
            translate(operands.get(1))), type);
      case FLOOR:
      case CEIL:
        if (operands.size() == 2) {
          return new Call(Function.DATE_TRUNC, List.of(unitLiteral(operands.get(1)),
              translate(operands.get(0))), type);
        }
        return simple(call.getKind() == SqlKind.FLOOR ? Function.FLOOR : Function.CEIL, call,
            type);
      case TRIM:
        return new Call(Function.TRIM, List.of(
            new Literal(((SqlTrimFunction.Flag) ((RexLiteral) operands.get(0)).getValue())
                .name(), DataType.TEXT),
            translate(operands.get(1)), translate(operands.get(2))), type);
      case POSITION:
        if (operands.size() > 2) {
          throw ExaException.notSupported("POSITION ... FROM");
        }
        return new Call(Function.POSITION, translate(operands), type);
      case OTHER_FUNCTION:
      case OTHER:
      default:
        return namedFunction(call, type);
    }
  }

  /** As PostgreSQL's array_cat: a NULL array adds nothing (NULL only when both are). */
  private static Expr arrayCat(List<Expr> arrays, DataType type) {
    return new Call(Function.COALESCE, List.of(new Call(Function.ARRAY_CAT, arrays, type),
        arrays.get(0), arrays.get(1)), type);
  }

  private Expr namedFunction(RexCall call, DataType type) {
    String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
    List<RexNode> operands = call.getOperands();
    switch (name) {
      case "||":
        if (typeOf(operands.get(0).getType()).isArray()
            && typeOf(operands.get(1).getType()).isArray()) {
          return arrayCat(castAll(translate(operands), type), type);
        }
        if (type.id() == TypeId.BYTEA) {
          return new Call(Function.CONCAT, List.of(asBytea(operands.get(0)),
              asBytea(operands.get(1))), type);
        }
        return new Call(Function.CONCAT, List.of(asText(operands.get(0)),
            asText(operands.get(1))), DataType.TEXT);
      case "CONCAT": {
        Expr result = null;
        for (RexNode operand : operands) {
          Expr text = new Call(Function.COALESCE, List.of(asText(operand),
              new Literal("", DataType.TEXT)), DataType.TEXT);
          result = result == null ? text
              : new Call(Function.CONCAT, List.of(result, text), DataType.TEXT);
        }
        return result == null ? new Literal("", DataType.TEXT) : result;
      }
      case "&":
        if (!type.isExactNumeric() || type.id() == TypeId.DECIMAL) {
          throw new ExaException(SqlState.UNDEFINED_FUNCTION, "operator does not exist: "
              + typeOf(operands.get(0).getType()).sqlName() + " & "
              + typeOf(operands.get(1).getType()).sqlName());
        }
        return new Call(Function.BIT_AND, castAll(translate(operands), type), type);
      case "ARRAY_CAT":
        return arrayCat(castAll(translate(operands), type), type);
      case "ARRAY_TO_STRING":
        return new Call(Function.ARRAY_TO_STRING, translate(operands), DataType.TEXT);
      case "STRING_TO_ARRAY":
        return new Call(Function.STRING_TO_ARRAY, translate(operands), type);
      case "ARRAY_UPPER":
        return arrayBound("UPPER", operands);
      case "ARRAY_LOWER":
        return arrayBound("LOWER", operands);
      case "ARRAY_LENGTH":
        return arrayBound("LENGTH", operands);
      case "CARDINALITY":
        return arrayBound("CARDINALITY", operands);
      case "CURRENT_SCHEMAS":
        return currentSchemas(operands.get(0), type);
      case "UPPER":
        return simple(Function.UPPER, call, DataType.TEXT);
      case "LOWER":
        return simple(Function.LOWER, call, DataType.TEXT);
      case "INITCAP":
        return simple(Function.INITCAP, call, DataType.TEXT);
      case "REVERSE":
        return simple(Function.REVERSE, call, DataType.TEXT);
      case "CHAR_LENGTH":
      case "CHARACTER_LENGTH":
      case "LENGTH":
        if (isBytea(operands.get(0))) {
          return new Call(Function.OCTET_LENGTH, translate(operands), type);
        }
        return new Call(Function.CHAR_LENGTH, List.of(asText(operands.get(0))), type);
      case "OCTET_LENGTH":
        return new Call(Function.OCTET_LENGTH, List.of(isBytea(operands.get(0))
            ? translate(operands.get(0)) : asText(operands.get(0))), type);
      case "SUBSTRING":
      case "SUBSTR":
        return new Call(Function.SUBSTRING, translate(operands),
            isBytea(operands.get(0)) ? DataType.BYTEA : DataType.TEXT);
      case "ENCODE":
        return new Call(Function.ENCODE, List.of(asBytea(operands.get(0)),
            asText(operands.get(1))), DataType.TEXT);
      case "DECODE":
        return new Call(Function.DECODE, List.of(asText(operands.get(0)),
            asText(operands.get(1))), DataType.BYTEA);
      case "MD5":
        return new Call(Function.MD5, List.of(isBytea(operands.get(0))
            ? translate(operands.get(0)) : asText(operands.get(0))), DataType.TEXT);
      case "SHA224":
      case "SHA256":
      case "SHA384":
      case "SHA512":
        return new Call(Function.SHA, List.of(new Literal("SHA-" + name.substring(3),
            DataType.TEXT), asBytea(operands.get(0))), DataType.BYTEA);
      case "GET_BYTE":
        return new Call(Function.GET_BYTE, List.of(asBytea(operands.get(0)),
            translate(operands.get(1))), type);
      case "REPLACE":
        return new Call(Function.REPLACE, translate(operands), DataType.TEXT);
      case "LEFT":
        return new Call(Function.LEFT, translate(operands), DataType.TEXT);
      case "RIGHT":
        return new Call(Function.RIGHT, translate(operands), DataType.TEXT);
      case "LPAD":
        return new Call(Function.LPAD, translate(operands), DataType.TEXT);
      case "RPAD":
        return new Call(Function.RPAD, translate(operands), DataType.TEXT);
      case "REPEAT":
        return new Call(Function.REPEAT, translate(operands), DataType.TEXT);
      case "SPLIT_PART":
        return new Call(Function.SPLIT_PART, translate(operands), DataType.TEXT);
      case "STRPOS":
        return new Call(Function.POSITION, List.of(translate(operands.get(1)),
            translate(operands.get(0))), type);
      case "LTRIM":
        return new Call(Function.LTRIM, translate(operands), DataType.TEXT);
      case "RTRIM":
        return new Call(Function.RTRIM, translate(operands), DataType.TEXT);
      case "BTRIM":
        return new Call(Function.TRIM, List.of(new Literal("BOTH", DataType.TEXT),
            operands.size() > 1 ? translate(operands.get(1)) : new Literal(" ", DataType.TEXT),
            translate(operands.get(0))), DataType.TEXT);
      case "ABS":
        return new Call(Function.ABS, List.of(cast(translate(operands.get(0)), type)), type);
      case "SIGN":
        return simple(Function.SIGN, call, type);
      case "ROUND":
        return new Call(Function.ROUND, translate(operands), roundedType(operands, type));
      case "TRUNCATE":
      case "TRUNC":
        return new Call(Function.TRUNC, translate(operands), roundedType(operands, type));
      case "SQRT":
        return simple(Function.SQRT, call, type);
      case "POWER":
        // computed in double precision, whatever the operands (decimals too)
        return new Call(Function.POWER, castAll(translate(operands), DataType.DOUBLE),
            DataType.DOUBLE);
      case "EXP":
        return simple(Function.EXP, call, type);
      case "LN":
        return simple(Function.LN, call, type);
      case "LOG10":
        return simple(Function.LOG10, call, type);
      case "MOD":
        return modulo(call, type);
      case "DATE_TRUNC":
        return new Call(Function.DATE_TRUNC, List.of(constantUnit(operands.get(0)),
            translate(operands.get(1))), type);
      case "DATE_PART":
        return new Call(Function.DATE_PART, List.of(constantUnit(operands.get(0)),
            translate(operands.get(1))), type);
      case "CURRENT_DATE":
        return new Literal(Calendar.dayOf(statement.micros()), DataType.DATE);
      case "CURRENT_TIMESTAMP":
      case "LOCALTIMESTAMP":
      case "NOW":
        return new Literal(statement.micros(), DataType.TIMESTAMP);
      case "CURRENT_USER":
      case "USER":
      case "CURRENT_ROLE":
        return new Literal(statement.user(), type);
      case "SESSION_USER":
        return new Literal(statement.sessionUser(), type);
      case "CURRENT_CATALOG":
        return new Literal(statement.database(), type);
      case "CURRENT_SCHEMA":
        return new Literal(statement.schema(), type);
      case "CURRENT_DATABASE":
        return new Literal(statement.database(), type);
      case "VERSION":
        return new Literal(statement.version(), type);
      case "PG_GET_USERBYID":
        return roleName(translate(operands.get(0)));
      case "PG_BACKEND_PID":
        return new Literal(statement.session().backendPid(), DataType.INTEGER);
      case "CURRENT_SETTING":
        return currentSetting(operands);
      case "HAS_TABLE_PRIVILEGE":
      case "HAS_ANY_COLUMN_PRIVILEGE":
        // privileges are granted on whole tables: a column privilege is the table's
        return hasPrivilege(operands, true);
      case "HAS_SCHEMA_PRIVILEGE":
        return hasPrivilege(operands, false);
      case "HAS_DATABASE_PRIVILEGE": {
        String privilege = constantText(operands.get(operands.size() - 1), name);
        requireSessionUser(operands, name);
        boolean held = !privilege.toUpperCase(Locale.ROOT).contains("CREATE")
            || statement.session().superuser();
        return new Literal(held, DataType.BOOLEAN);
      }
      case "PG_GET_INDEXDEF": {
        Expr index = translate(operands.get(0));
        Expr definition = textOf(index, statement.catalogTexts().get().indexDefinitions(),
            Literal.nullOf(DataType.TEXT));
        if (operands.size() == 1) {
          return definition;
        }
        // pg_get_indexdef(index, n, pretty): the n-th column, or the definition for 0
        Expr column = cast(translate(operands.get(1)), DataType.BIGINT);
        DataType names = DataType.array(DataType.TEXT);
        Expr columnName = new Call(Function.ARRAY_ELEMENT, List.of(cast(textOf(index,
            statement.catalogTexts().get().indexColumns(), Literal.nullOf(DataType.TEXT)),
            names), column), DataType.TEXT);
        return new Call(Function.CASE, List.of(equal(column, 0), definition, columnName),
            DataType.TEXT);
      }
      case "PG_GET_CONSTRAINTDEF":
        return textOf(translate(operands.get(0)),
            statement.catalogTexts().get().constraintDefinitions(),
            Literal.nullOf(DataType.TEXT));
      case "GEN_RANDOM_UUID":
        return new Call(Function.RANDOM_UUID, List.of(), DataType.UUID);
      case "PG_GET_VIEWDEF":
        return textOf(translate(operands.get(0)),
            statement.catalogTexts().get().viewDefinitions(), Literal.nullOf(DataType.TEXT));
      case "PG_TABLE_SIZE":
      case "PG_RELATION_SIZE":
      case "PG_TOTAL_RELATION_SIZE":
        return sizeOf(translate(operands.get(0)));
      case "PG_DATABASE_SIZE":
        return storedBytes(operands.get(0), PgOids.DATABASE, statement.database());
      case "PG_TABLESPACE_SIZE": {
        Expr global = storedBytes(operands.get(0), PgOids.GLOBAL_TABLESPACE, "pg_global");
        // pg_global holds nothing of ExaPG's: the shared catalogs are files of their own
        Expr empty = new Call(Function.CASE, List.of(new Call(Function.IS_NULL, List.of(global),
            DataType.BOOLEAN), Literal.nullOf(DataType.BIGINT),
            new Literal(0L, DataType.BIGINT)), DataType.BIGINT);
        return new Call(Function.COALESCE, List.of(
            storedBytes(operands.get(0), PgOids.DEFAULT_TABLESPACE, "pg_default"), empty),
            DataType.BIGINT);
      }
      case "GETDATABASEENCODING":
        return new Literal(PgEncodings.name(PgEncodings.UTF8), DataType.TEXT);
      case "PG_INDEXES_SIZE":
        // indexes are catalog entries only: they take no space
        return new Call(Function.CASE, List.of(new Call(Function.IS_NULL,
            List.of(sizeOf(translate(operands.get(0)))), DataType.BOOLEAN),
            Literal.nullOf(DataType.BIGINT), new Literal(0L, DataType.BIGINT)),
            DataType.BIGINT);
      case "FORMAT":
        return format(operands);
      case "EXA_TRACE_EXPORT":
        return traceExport(operands);
      case "EXA_STATEMENT_STATS_RESET":
      case "EXA_TRACE_STOP":
        throw ExaException.notSupported(name.toLowerCase(Locale.ROOT)
            + "() other than as a statement of its own: SELECT " + name.toLowerCase(Locale.ROOT)
            + "()");
      case "QUOTE_IDENT":
        return new Call(Function.QUOTE_IDENT, List.of(asText(operands.get(0))), DataType.TEXT);
      case "QUOTE_LITERAL":
        return new Call(Function.QUOTE_LITERAL, List.of(asText(operands.get(0))),
            DataType.TEXT);
      case "QUOTE_NULLABLE":
        return orText(new Call(Function.QUOTE_LITERAL, List.of(asText(operands.get(0))),
            DataType.TEXT), "NULL");
      case "REGCLASSIN":
        return relationOid(asText(operands.get(0)), false);
      case "TO_REGCLASS":
        return relationOid(asText(operands.get(0)), true);
      case "PG_SIZE_PRETTY":
        return new Call(Function.SIZE_PRETTY, List.of(cast(translate(operands.get(0)),
            DataType.BIGINT)), DataType.TEXT);
      case "PG_RELATION_IS_PUBLISHABLE":
        // ordinary tables could be published; ExaPG has no publications to put them in
        return new Call(Function.EQUAL, List.of(textOf(translate(operands.get(0)),
            statement.catalogTexts().get().relationKinds(), Literal.nullOf(DataType.TEXT)),
            new Literal("r", DataType.TEXT)), DataType.BOOLEAN);
      case "PG_TYPE_IS_VISIBLE":
        return oneOf(translate(operands.get(0)), PgTypeTable.oids());
      case "PG_FUNCTION_IS_VISIBLE":
        // pg_proc lists pg_catalog's functions only, which are always visible
        return oneOf(translate(operands.get(0)), PgBuiltinFunctions.oids());
      case "PG_OPERATOR_IS_VISIBLE":
      case "PG_OPCLASS_IS_VISIBLE":
      case "PG_OPFAMILY_IS_VISIBLE":
      case "PG_CONVERSION_IS_VISIBLE":
      case "PG_COLLATION_IS_VISIBLE":
      case "PG_TS_CONFIG_IS_VISIBLE":
      case "PG_TS_DICT_IS_VISIBLE":
      case "PG_TS_PARSER_IS_VISIBLE":
      case "PG_TS_TEMPLATE_IS_VISIBLE":
      case "PG_STATISTICS_OBJ_IS_VISIBLE":
        // their catalogs are empty here: no OID names such an object
        return Literal.nullOf(DataType.BOOLEAN);
      case "PG_CHAR_TO_ENCODING": {
        Expr encoding = new Call(Function.UPPER, List.of(asText(operands.get(0))),
            DataType.TEXT);
        return new Call(Function.CASE, List.of(
            new Call(Function.EQUAL, List.of(encoding, new Literal("UTF8", DataType.TEXT)),
                DataType.BOOLEAN), new Literal((long) PgEncodings.UTF8, DataType.BIGINT),
            new Call(Function.EQUAL, List.of(encoding, new Literal("SQL_ASCII",
                DataType.TEXT)), DataType.BOOLEAN), new Literal(0L, DataType.BIGINT),
            new Literal(-1L, DataType.BIGINT)), DataType.BIGINT);
      }
      case "PG_TABLESPACE_LOCATION": {
        Expr tablespace = cast(translate(operands.get(0)), DataType.BIGINT);
        return new Call(Function.CASE, List.of(
            equal(tablespace, PgOids.DEFAULT_TABLESPACE), new Literal("", DataType.TEXT),
            equal(tablespace, PgOids.GLOBAL_TABLESPACE), new Literal("", DataType.TEXT),
            Literal.nullOf(DataType.TEXT)), DataType.TEXT);
      }
      case "PG_GET_FUNCTION_RESULT":
        return textOf(translate(operands.get(0)), PgBuiltinFunctions.results(),
            Literal.nullOf(DataType.TEXT));
      case "PG_GET_FUNCTION_ARGUMENTS":
      case "PG_GET_FUNCTION_IDENTITY_ARGUMENTS":
        return textOf(translate(operands.get(0)), PgBuiltinFunctions.arguments(),
            Literal.nullOf(DataType.TEXT));
      case "PG_GET_STATISTICSOBJDEF_COLUMNS":
      case "PG_GET_SERIAL_SEQUENCE":
        // no extended statistics or sequences exist to describe
        return Literal.nullOf(DataType.TEXT);
      case "PG_TABLE_IS_VISIBLE":
        return oneOf(translate(operands.get(0)), statement.visibleRelations().get());
      case "FORMAT_TYPE":
        return new Call(Function.FORMAT_TYPE, List.of(cast(translate(operands.get(0)),
            DataType.BIGINT), cast(translate(operands.get(1)), DataType.BIGINT)), DataType.TEXT);
      case "PG_ENCODING_TO_CHAR": {
        Expr encoding = cast(translate(operands.get(0)), DataType.BIGINT);
        return new Call(Function.CASE, List.of(
            equal(encoding, PgEncodings.UTF8), new Literal(PgEncodings.name(PgEncodings.UTF8),
                DataType.TEXT),
            equal(encoding, 0), new Literal(PgEncodings.name(0), DataType.TEXT),
            new Literal("", DataType.TEXT)), DataType.TEXT);
      }
      case "OBJ_DESCRIPTION":
        return objectDescription(operands);
      case "COL_DESCRIPTION":
        return columnDescription(operands);
      case "PG_TYPEOF":
        return new Literal(typeOf(operands.get(0)), DataType.TEXT);
      case "SHOBJ_DESCRIPTION":
      case "PG_GET_EXPR":
        // ExaPG's stored expressions (pg_attrdef.adbin) are SQL text already; checks and
        // partition bounds are not kept.
        return cast(translate(operands.get(0)), DataType.TEXT);
      default:
        throw ExaException.notSupported("function " + name.toLowerCase(Locale.ROOT));
    }
  }

  /** ROUND(decimal, n) and TRUNC keep n fractional digits, as PostgreSQL displays them. */
  private static DataType roundedType(List<RexNode> operands, DataType type) {
    if (type.id() != TypeId.DECIMAL) {
      return type;
    }
    long digits = 0;
    if (operands.size() > 1) {
      if (!(operands.get(1) instanceof RexLiteral literal)
          || literal.getValueAs(Long.class) == null) {
        return type;
      }
      digits = literal.getValueAs(Long.class);
    }
    int scale = (int) Math.max(0, Math.min(type.scale(), digits));
    return DataType.decimal(type.precision(), scale);
  }

  private Expr simple(Function function, RexCall call, DataType type) {
    return new Call(function, translate(call.getOperands()), type);
  }

  private static boolean isBytea(RexNode node) {
    return SqlTypeUtil.isBinary(node.getType());
  }

  /** A bytea operand; a string is read as bytea input, as PostgreSQL reads untyped literals. */
  private Expr asBytea(RexNode node) {
    return cast(translate(node), DataType.BYTEA);
  }

  private Expr asText(RexNode node) {
    Expr expr = translate(node);
    return expr.type().id() == TypeId.VARCHAR ? expr : cast(expr, DataType.TEXT);
  }

  private static Expr cast(Expr expr, DataType type) {
    if (expr.type().equals(type)) {
      return expr;
    }
    return new Call(Function.CAST, List.of(expr), type);
  }

  private static List<Expr> castAll(List<Expr> exprs, DataType type) {
    List<Expr> result = new ArrayList<>();
    for (Expr expr : exprs) {
      result.add(cast(expr, type));
    }
    return result;
  }

  private Expr arithmetic(Function function, RexCall call, DataType type) {
    List<Expr> operands = translate(call.getOperands());
    if (!type.isNumeric()) {
      throw new ExaException(SqlState.UNDEFINED_FUNCTION, "operator does not exist: "
          + operands.get(0).type().sqlName() + " " + call.getOperator().getName() + " "
          + operands.get(1).type().sqlName());
    }
    return new Call(function, operands, type);
  }

  /**
   * Calcite types a % b as b's type; PostgreSQL computes in the wider type (bigint % int is a
   * bigint), so the remainder is computed there and then narrowed, which always fits.
   */
  private Expr modulo(RexCall call, DataType type) {
    List<Expr> operands = translate(call.getOperands());
    DataType a = operands.get(0).type();
    DataType b = operands.get(1).type();
    if (!a.isNumeric() || !b.isNumeric()) {
      return arithmetic(Function.MODULO, call, type);
    }
    DataType wide = JoinKeyTypes.common(a, b);
    Expr remainder = new Call(Function.MODULO, List.of(cast(operands.get(0), wide),
        cast(operands.get(1), wide)), wide);
    return cast(remainder, type);
  }

  private Expr comparison(Function function, RexCall call) {
    if (function != Function.IS_DISTINCT_FROM && function != Function.IS_NOT_DISTINCT_FROM
        && call.getOperands().stream().anyMatch(operand -> RexUtil.isNullLiteral(operand,
            true))) {
      // Comparing with NULL is NULL; as in PostgreSQL, the other side is never evaluated
      // (so it cannot fail, e.g. overflow).
      return Literal.nullOf(DataType.BOOLEAN);
    }
    Expr left = translate(call.getOperands().get(0));
    Expr right = translate(call.getOperands().get(1));
    DataType l = left.type();
    DataType r = right.type();
    if (l.isString() && r.isString() && l.id() != r.id()) {
      left = l.id() == TypeId.CHAR ? cast(left, DataType.TEXT) : left;
      right = r.id() == TypeId.CHAR ? cast(right, DataType.TEXT) : right;
    } else if (l.isString() != r.isString()) {
      if (l.isString()) {
        left = cast(left, r);
      } else {
        right = cast(right, l);
      }
    }
    return new Call(function, List.of(left, right), DataType.BOOLEAN);
  }

  private Expr caseWhen(RexCall call, DataType type) {
    List<Expr> operands = translate(call.getOperands());
    List<Expr> result = new ArrayList<>();
    for (int k = 0; k < operands.size(); k++) {
      boolean isValue = k % 2 == 1 || k == operands.size() - 1;
      result.add(isValue ? cast(operands.get(k), type) : operands.get(k));
    }
    return new Call(Function.CASE, result, type);
  }

  private Expr castCall(RexCall call, DataType type) {
    RexNode operand = call.getOperands().get(0);
    if (operand.getType().getSqlTypeName().getFamily() == SqlTypeFamily.INTERVAL_DAY_TIME
        || operand.getType().getSqlTypeName().getFamily() == SqlTypeFamily.INTERVAL_YEAR_MONTH) {
      throw ExaException.notSupported("interval values outside date arithmetic");
    }
    Expr input = translate(operand);
    if (input instanceof Literal literal && literal.value() == null) {
      return Literal.nullOf(type);
    }
    return cast(input, type);
  }

  private Expr like(RexCall call) {
    SqlLikeOperator operator = (SqlLikeOperator) call.getOperator();
    List<Expr> operands = new ArrayList<>();
    for (RexNode operand : call.getOperands()) {
      operands.add(asText(operand));
    }
    Function function = operator.isCaseSensitive() ? Function.LIKE : Function.ILIKE;
    Expr like = new Call(function, operands, DataType.BOOLEAN);
    return operator.isNegated() ? new Call(Function.NOT, List.of(like), DataType.BOOLEAN) : like;
  }

  /** array[n]; the index is 1-based and out-of-range subscripts give NULL. */
  private Expr arrayElement(RexCall call, DataType type) {
    Expr array = translate(call.getOperands().get(0));
    if (!array.type().isArray()) {
      throw new ExaException(SqlState.DATATYPE_MISMATCH, "cannot subscript type "
          + array.type().sqlName() + " because it does not support subscripting");
    }
    Expr index = cast(translate(call.getOperands().get(1)), DataType.BIGINT);
    if (array.type().isVectorForm()) {
      // int2vector and oidvector subscripts start at 0
      index = new Call(Function.ADD, List.of(index, new Literal(1L, DataType.BIGINT)),
          DataType.BIGINT);
    }
    return new Call(Function.ARRAY_ELEMENT, List.of(array, index), type);
  }

  /** value = ANY (array) and value <> ALL (array); other quantified comparisons are 0A000. */
  private Expr quantified(RexCall call) {
    SqlKind comparison = ((SqlQuantifyOperator) call.getOperator()).comparisonKind;
    boolean any = call.getKind() == SqlKind.SOME;
    if (!(any && comparison == SqlKind.EQUALS) && !(!any && comparison == SqlKind.NOT_EQUALS)) {
      throw ExaException.notSupported("comparison " + call.getOperator().getName()
          + " over an array");
    }
    Expr value = translate(call.getOperands().get(0));
    Expr array = translate(call.getOperands().get(1));
    if (!array.type().isArray()) {
      throw ExaException.notSupported("value = ANY (list) outside of IN lists");
    }
    Expr contains = new Call(Function.ARRAY_CONTAINS, List.of(cast(value,
        array.type().element()), array), DataType.BOOLEAN);
    return any ? contains : new Call(Function.NOT, List.of(contains), DataType.BOOLEAN);
  }

  /** current_schemas(implicit): the search path, with pg_catalog first when implicit. */
  private Expr currentSchemas(RexNode implicit, DataType type) {
    if (!(implicit instanceof RexLiteral literal)) {
      throw ExaException.notSupported("current_schemas with a non-constant argument");
    }
    List<String> path = new ArrayList<>();
    if (Boolean.TRUE.equals(literal.getValueAs(Boolean.class))) {
      path.add("pg_catalog");
    }
    path.addAll(statement.searchPath());
    return new Literal(ArrayText.format(path), type);
  }

  /** array_upper, array_lower, array_length, cardinality. */
  private Expr arrayBound(String mode, List<RexNode> operands) {
    List<Expr> arguments = new ArrayList<>();
    Expr array = translate(operands.get(0));
    // int2vector and oidvector subscripts start at 0
    boolean zeroBased = array.type().isVectorForm()
        && (mode.equals("UPPER") || mode.equals("LOWER"));
    arguments.add(new Literal(zeroBased ? mode + "0" : mode, DataType.TEXT));
    arguments.add(array);
    if (operands.size() > 1) {
      arguments.add(cast(translate(operands.get(1)), DataType.BIGINT));
    }
    return new Call(Function.ARRAY_BOUND, arguments, DataType.INTEGER);
  }

  /**
   * An OR of equalities between one expression and constants (what IN lists become) as one
   * IN_LIST, so the expression (e.g. TPC-H Q22's substring) is computed once per row.
   */
  private static Expr inListOrOr(List<Expr> disjuncts) {
    Expr value = null;
    List<Expr> list = new ArrayList<>();
    for (Expr disjunct : disjuncts) {
      if (!(disjunct instanceof Call call && call.function() == Function.EQUAL
          && call.argument(1) instanceof Literal constant && constant.value() != null
          && (value == null || value.equals(call.argument(0))))) {
        return new Call(Function.OR, disjuncts, DataType.BOOLEAN);
      }
      value = call.argument(0);
      list.add(constant);
    }
    list.addFirst(value);
    return new Call(Function.IN_LIST, list, DataType.BOOLEAN);
  }

  private static Expr equal(Expr value, long constant) {
    return new Call(Function.EQUAL, List.of(value, new Literal(constant, DataType.BIGINT)),
        DataType.BOOLEAN);
  }

  /** pg_get_userbyid: the superuser's name for its OID, "unknown (OID=n)" for others. */
  private Expr roleName(Expr role) {
    Expr oid = cast(role, DataType.BIGINT);
    return textOf(oid, statement.catalogTexts().get().roleNames(), new Call(Function.CONCAT,
        List.of(new Call(Function.CONCAT, List.of(new Literal("unknown (OID=", DataType.TEXT),
            cast(oid, DataType.TEXT)), DataType.TEXT), new Literal(")", DataType.TEXT)),
        DataType.TEXT));
  }

  /** current_setting(name [, missing_ok]) with a constant name, as the session has it now. */
  private Expr currentSetting(List<RexNode> operands) {
    if (!(operands.get(0) instanceof RexLiteral)) {
      // a name computed while the query runs (psql's \dconfig): the session's values as the
      // statement is planned, by lower-case name; NULL for unknown names
      Map<String, String> values = new TreeMap<>();
      statement.session().settings().forEach((name, setting) ->
          values.put(name.toLowerCase(Locale.ROOT), setting[0]));
      List<String> names = new ArrayList<>(values.keySet());
      return new Call(Function.LOOKUP, List.of(
          new Call(Function.LOWER, List.of(asText(operands.get(0))), DataType.TEXT),
          new Literal(ArrayText.format(names), DataType.TEXT),
          new Literal(ArrayText.format(names.stream().map(values::get).toList()),
              DataType.TEXT)), DataType.TEXT);
    }
    String setting = constantText(operands.get(0), "current_setting");
    String value = statement.session().setting(setting);
    boolean missingOk = operands.size() > 1 && operands.get(1) instanceof RexLiteral flag
        && Boolean.TRUE.equals(flag.getValueAs(Boolean.class));
    if (value == null && !missingOk) {
      throw new ExaException(SqlState.UNDEFINED_OBJECT,
          "unrecognized configuration parameter \"" + setting + "\"");
    }
    return value == null ? Literal.nullOf(DataType.TEXT) : new Literal(value, DataType.TEXT);
  }

  /**
   * has_table_privilege / has_schema_privilege([user,] object, privileges): whether the
   * session's user holds any of the (comma-separated) privileges on the object, given by OID
   * or by name; decided when the statement is planned, from the privileges as they are then.
   */
  private Expr hasPrivilege(List<RexNode> operands, boolean table) {
    String function = table ? "has_table_privilege" : "has_schema_privilege";
    requireSessionUser(operands, function);
    List<Integer> held = new ArrayList<>();
    for (String privilege : constantText(operands.get(operands.size() - 1), function)
        .split(",")) {
      String name = privilege.strip().toUpperCase(Locale.ROOT)
          .replace(" WITH GRANT OPTION", "");
      if (table && !List.of("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES",
          "TRIGGER").contains(name) || !table && !List.of("USAGE", "CREATE").contains(name)) {
        throw new ExaException(SqlState.INVALID_PARAMETER_VALUE,
            "unrecognized privilege type: \"" + privilege.strip() + "\"");
      }
      held.addAll(table ? statement.session().relationsWith(name)
          : statement.session().schemasWith(name));
    }
    RexNode object = operands.get(operands.size() - 2);
    if (SqlTypeName.CHAR_TYPES.contains(object.getType().getSqlTypeName())
        && !(object instanceof RexLiteral)) {
      Expr name = asText(object);
      return oneOf(table ? relationOid(name, true) : schemaOid(name), held);
    }
    if (SqlTypeName.CHAR_TYPES.contains(object.getType().getSqlTypeName())) {
      String objectName = constantText(object, function);
      Integer oid = table ? statement.session().relationOid(objectName)
          : statement.session().schemaOid(objectName);
      if (oid == null) {
        throw table ? new ExaException(SqlState.UNDEFINED_TABLE,
            "relation \"" + objectName + "\" does not exist")
            : new ExaException(SqlState.INVALID_SCHEMA_NAME,
                "schema \"" + objectName + "\" does not exist");
      }
      return new Literal(held.contains(oid), DataType.BOOLEAN);
    }
    return oneOf(translate(object), held);
  }

  /** The privilege functions answer for the session's own user only. */
  private void requireSessionUser(List<RexNode> operands, String function) {
    if (operands.size() == 3) {
      RexNode user = operands.get(0);
      boolean self = user instanceof RexLiteral literal
          && statement.user().equals(literal.getValueAs(String.class))
          || user instanceof RexCall call && List.of("CURRENT_USER", "USER", "CURRENT_ROLE")
              .contains(call.getOperator().getName().toUpperCase(Locale.ROOT));
      if (!self) {
        throw ExaException.notSupported(function + " for another user");
      }
    }
  }

  private static String constantText(RexNode node, String function) {
    if (node instanceof RexLiteral literal && literal.getValueAs(String.class) != null) {
      return literal.getValueAs(String.class);
    }
    throw ExaException.notSupported(function + " with an argument that is not a constant");
  }

  /**
   * format(formatstr, args...) with a constant format, as the concatenation it describes:
   * %s (NULL as empty), %I (quote_ident), %L (quote_literal, NULL as NULL), %% and argument
   * positions (%2$s). Widths and the '-' flag are not supported yet.
   */
  private Expr format(List<RexNode> operands) {
    if (!(operands.get(0) instanceof RexLiteral literal)) {
      throw ExaException.notSupported("format() with a format string that is not a constant");
    }
    if (literal.isNull()) {
      return Literal.nullOf(DataType.TEXT);
    }
    String format = literal.getValueAs(String.class);
    List<Expr> parts = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    int next = 1;
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c != '%') {
        text.append(c);
        continue;
      }
      if (++i == format.length()) {
        throw new ExaException(SqlState.INVALID_PARAMETER_VALUE,
            "unterminated format() type specifier");
      }
      int argument = next;
      int digits = i;
      while (digits < format.length() && Character.isDigit(format.charAt(digits))) {
        digits++;
      }
      if (digits > i && digits < format.length() && format.charAt(digits) == '$') {
        argument = Integer.parseInt(format.substring(i, digits));
        i = digits + 1;
        if (i == format.length()) {
          throw new ExaException(SqlState.INVALID_PARAMETER_VALUE,
              "unterminated format() type specifier");
        }
      }
      char type = format.charAt(i);
      if (type == '%') {
        text.append('%');
        continue;
      }
      if (type == '-' || type == '*' || Character.isDigit(type)) {
        throw ExaException.notSupported("widths and flags in format()");
      }
      if (type != 's' && type != 'I' && type != 'L') {
        throw new ExaException(SqlState.INVALID_PARAMETER_VALUE,
            "unrecognized format() type specifier \"" + type + "\"");
      }
      if (argument < 1 || argument >= operands.size()) {
        throw new ExaException(SqlState.INVALID_PARAMETER_VALUE,
            "too few arguments for format()");
      }
      if (!text.isEmpty()) {
        parts.add(new Literal(text.toString(), DataType.TEXT));
        text.setLength(0);
      }
      Expr value = asText(operands.get(argument));
      parts.add(switch (type) {
        case 's' -> orText(value, "");
        case 'I' -> new Call(Function.QUOTE_IDENT, List.of(value), DataType.TEXT);
        default -> orText(new Call(Function.QUOTE_LITERAL, List.of(value), DataType.TEXT),
            "NULL");
      });
      next = argument + 1;
    }
    if (!text.isEmpty() || parts.isEmpty()) {
      parts.add(new Literal(text.toString(), DataType.TEXT));
    }
    Expr result = parts.get(0);
    for (int k = 1; k < parts.size(); k++) {
      result = new Call(Function.CONCAT, List.of(result, parts.get(k)), DataType.TEXT);
    }
    return result;
  }

  private static Expr orText(Expr value, String otherwise) {
    return new Call(Function.COALESCE, List.of(value, new Literal(otherwise, DataType.TEXT)),
        DataType.TEXT);
  }

  /**
   * The OID of the relation a name computed at run time finds, as regclass input reads it:
   * "schema.table" or a name the search path finds, each part quoted where needed, or a
   * number (regclassin); NULL for anything else with to_regclass.
   */
  private Expr relationOid(Expr name, boolean nullWhenUnknown) {
    CatalogTexts texts = statement.catalogTexts().get();
    Map<String, Integer> oids = new TreeMap<>();
    PgOids.SYSTEM_TABLES.forEach((table, oid) -> {
      spellings(oids, "pg_catalog", table, oid);
      spellings(oids, null, table, oid);
    });
    texts.relationNames().forEach((oid, relation) ->
        spellings(oids, texts.relationSchemas().get(oid), relation, oid));
    for (int oid : statement.visibleRelations().get()) {
      String relation = texts.relationNames().get(oid);
      if (relation != null) {
        spellings(oids, null, relation, oid);
      }
    }
    Expr found = lookup(name, oids);
    return nullWhenUnknown ? found : new Call(Function.COALESCE,
        List.of(found, cast(name, DataType.INTEGER)), DataType.INTEGER);
  }

  private static Expr lookup(Expr key, Map<String, Integer> values) {
    List<String> keys = new ArrayList<>(values.keySet());
    return new Call(Function.LOOKUP, List.of(key,
        new Literal(ArrayText.format(keys), DataType.TEXT),
        new Literal(ArrayText.format(keys.stream().map(k -> values.get(k).toString())
            .toList()), DataType.TEXT)), DataType.INTEGER);
  }

  /**
   * exa_trace_export(trace_id, 'chrome' | 'folded'): a traced statement (exapg.trace = on)
   * of the query history in that format; NULL for other ids. The caller sees the statements
   * the history shows it: a superuser's all, another user's own.
   */
  private Expr traceExport(List<RexNode> operands) {
    String format = constantText(operands.get(1), "exa_trace_export").toLowerCase(Locale.ROOT);
    if (!format.equals("chrome") && !format.equals("folded")) {
      throw new ExaException(SqlState.INVALID_PARAMETER_VALUE, "unknown trace format \""
          + format + "\": chrome or folded");
    }
    // a constant id needs only its own export, not every traced statement's
    Long only = operands.get(0) instanceof RexLiteral literal && !literal.isNull()
        ? literal.getValueAs(Long.class) : null;
    Map<String, String> exports = new TreeMap<>();
    for (QueryRecord record : statement.queryLog().history()) {
      if (record.detail() != null && (only == null || only == record.traceId())
          && (statement.session().superuser()
          || record.user().equals(statement.session().userName()))) {
        exports.put(Long.toString(record.traceId()), format.equals("chrome")
            ? TraceExport.chrome(record) : TraceExport.folded(record));
      }
    }
    List<String> keys = new ArrayList<>(exports.keySet());
    return new Call(Function.LOOKUP, List.of(asText(operands.get(0)),
        new Literal(ArrayText.format(keys), DataType.TEXT),
        new Literal(ArrayText.format(keys.stream().map(exports::get).toList()),
            DataType.TEXT)), DataType.TEXT);
  }

  /**
   * Adds the ways a relation's name is written, qualified by its schema or not: each part as
   * it is where it needs no quotes, or in double quotes (as clients that quote everything do).
   */
  private static void spellings(Map<String, Integer> oids, String schema, String name,
      int oid) {
    List<String> names = List.of(Identifiers.quoteIfNeeded(name), Identifiers.quote(name));
    List<String> prefixes = schema == null ? List.of("") : List.of(
        Identifiers.quoteIfNeeded(schema) + ".", Identifiers.quote(schema) + ".");
    for (String prefix : prefixes) {
      for (String spelled : names) {
        oids.put(prefix + spelled, oid);
      }
    }
  }

  /** The OID of the schema a name computed at run time names; NULL for unknown names. */
  private Expr schemaOid(Expr name) {
    Map<String, Integer> oids = new TreeMap<>();
    statement.session().schemaNames().forEach((oid, schema) -> oids.put(schema, oid));
    return lookup(name, oids);
  }

  private Expr textOf(Expr value, Map<Integer, String> texts, Expr fallback) {
    Expr oid = cast(value, DataType.BIGINT);
    List<Expr> branches = new ArrayList<>();
    for (Map.Entry<Integer, String> entry : new TreeMap<>(texts).entrySet()) {
      branches.add(equal(oid, entry.getKey()));
      branches.add(new Literal(entry.getValue(), DataType.TEXT));
    }
    if (branches.isEmpty()) {
      return fallback;
    }
    branches.add(fallback);
    return new Call(Function.CASE, branches, DataType.TEXT);
  }

  /**
   * pg_typeof: the type's name without modifiers; "unknown" for a string literal or NULL
   * that nothing gave a type, as in PostgreSQL.
   */
  private String typeOf(RexNode operand) {
    if (operand instanceof RexLiteral literal
        && (literal.getType().getSqlTypeName() == SqlTypeName.CHAR
            || literal.getType().getSqlTypeName() == SqlTypeName.NULL)) {
      return "unknown";
    }
    return PgTypeNames.format(translate(operand).type().pgOid(), -1);
  }

  /**
   * obj_description(oid, catalog): the comment on a relation ('pg_class') or schema
   * ('pg_namespace'); with the OID alone, on either.
   */
  private Expr objectDescription(List<RexNode> operands) {
    PgComments comments = statement.catalogTexts().get().comments();
    Expr object = translate(operands.get(0));
    Expr onRelation = textOf(object, comments.relations(), Literal.nullOf(DataType.TEXT));
    Expr onSchema = textOf(object, comments.schemas(), Literal.nullOf(DataType.TEXT));
    if (operands.size() == 1) {
      return new Call(Function.COALESCE, List.of(onRelation, onSchema), DataType.TEXT);
    }
    Expr catalog = asText(operands.get(1));
    return new Call(Function.CASE, List.of(
        new Call(Function.EQUAL, List.of(catalog, new Literal("pg_class", DataType.TEXT)),
            DataType.BOOLEAN), onRelation,
        new Call(Function.EQUAL, List.of(catalog, new Literal("pg_namespace", DataType.TEXT)),
            DataType.BOOLEAN), onSchema,
        Literal.nullOf(DataType.TEXT)), DataType.TEXT);
  }

  /** col_description(relation oid, attribute number): the comment on a column. */
  private Expr columnDescription(List<RexNode> operands) {
    Expr relation = cast(translate(operands.get(0)), DataType.BIGINT);
    Expr attribute = cast(translate(operands.get(1)), DataType.BIGINT);
    List<Expr> branches = new ArrayList<>();
    new TreeMap<>(statement.catalogTexts().get().comments().columns()).forEach(
        (oid, texts) -> new TreeMap<>(texts).forEach((attnum, text) -> {
          branches.add(new Call(Function.AND, List.of(equal(relation, oid),
              equal(attribute, attnum)), DataType.BOOLEAN));
          branches.add(new Literal(text, DataType.TEXT));
        }));
    if (branches.isEmpty()) {
      return Literal.nullOf(DataType.TEXT);
    }
    branches.add(Literal.nullOf(DataType.TEXT));
    return new Call(Function.CASE, branches, DataType.TEXT);
  }

  /**
   * The bytes every table takes on disk when the operand names the object (by OID or by
   * name), else NULL: pg_database_size of the database, pg_tablespace_size of pg_default.
   */
  private Expr storedBytes(RexNode operand, int oid, String name) {
    long total = statement.catalogTexts().get().relationSizes().values().stream()
        .mapToLong(Long::longValue).sum();
    Expr value = translate(operand);
    Expr matches = value.type().isString()
        ? new Call(Function.EQUAL, List.of(value, new Literal(name, DataType.TEXT)),
            DataType.BOOLEAN)
        : equal(cast(value, DataType.BIGINT), oid);
    return new Call(Function.CASE, List.of(matches, new Literal(total, DataType.BIGINT),
        Literal.nullOf(DataType.BIGINT)), DataType.BIGINT);
  }

  /** The bytes the relation with this OID takes on disk; NULL for unknown OIDs. */
  private Expr sizeOf(Expr oid) {
    Expr key = cast(oid, DataType.BIGINT);
    List<Expr> branches = new ArrayList<>();
    for (Map.Entry<Integer, Long> entry : new TreeMap<>(
        statement.catalogTexts().get().relationSizes()).entrySet()) {
      branches.add(equal(key, entry.getKey()));
      branches.add(new Literal(entry.getValue(), DataType.BIGINT));
    }
    if (branches.isEmpty()) {
      return Literal.nullOf(DataType.BIGINT);
    }
    branches.add(Literal.nullOf(DataType.BIGINT));
    return new Call(Function.CASE, branches, DataType.BIGINT);
  }

  /** Whether a value is one of the OIDs. */
  private Expr oneOf(Expr value, List<Integer> oids) {
    if (oids.isEmpty()) {
      return new Literal(false, DataType.BOOLEAN);
    }
    Expr oid = cast(value, DataType.BIGINT);
    List<Expr> tests = new ArrayList<>();
    for (int candidate : oids) {
      tests.add(equal(oid, candidate));
    }
    return tests.size() == 1 ? tests.get(0) : new Call(Function.OR, tests, DataType.BOOLEAN);
  }

  /** "~", "~*" and their negations "!~", "!~*" (Calcite marks those by the operator). */
  private Expr regex(RexCall call) {
    List<Expr> operands = List.of(asText(call.getOperands().get(0)),
        asText(call.getOperands().get(1)));
    Function function = call.getKind() == SqlKind.POSIX_REGEX_CASE_SENSITIVE
        ? Function.REGEX_MATCH : Function.REGEX_IMATCH;
    Expr match = new Call(function, operands, DataType.BOOLEAN);
    boolean negated = call.getOperator() == SqlStdOperatorTable.NEGATED_POSIX_REGEX_CASE_SENSITIVE
        || call.getOperator() == SqlStdOperatorTable.NEGATED_POSIX_REGEX_CASE_INSENSITIVE;
    return negated ? new Call(Function.NOT, List.of(match), DataType.BOOLEAN) : match;
  }

  private static Literal unitLiteral(RexNode node) {
    String name = symbol(node);
    if (name.equals("DOW") || name.equals("DOY") || name.equals("ISODOW")
        || name.equals("ISOYEAR") || name.equals("EPOCH")) {
      return new Literal(name, DataType.TEXT);
    }
    try {
      return new Literal(TimeUnitRange.valueOf(name).startUnit.name(), DataType.TEXT);
    } catch (IllegalArgumentException e) {
      return new Literal(name, DataType.TEXT);
    }
  }

  private Literal constantUnit(RexNode node) {
    Expr unit = translate(node);
    if (unit instanceof Literal literal && literal.value() instanceof String) {
      return literal;
    }
    throw ExaException.notSupported("a date unit that is not a constant");
  }

  private static boolean isDatetime(RexNode node) {
    SqlTypeName name = node.getType().getSqlTypeName();
    return name == SqlTypeName.DATE || name == SqlTypeName.TIMESTAMP;
  }

  /** date/timestamp plus or minus an interval literal. */
  private Expr datetimeArithmetic(RexCall call, DataType type) {
    RexNode first = call.getOperands().get(0);
    RexNode second = call.getOperands().get(1);
    boolean subtract = call.getKind() == SqlKind.MINUS;
    RexNode datetime = isDatetime(first) ? first : second;
    RexNode interval = isDatetime(first) ? second : first;
    if (isDatetime(first) && isDatetime(second)) {
      if (first.getType().getSqlTypeName() == SqlTypeName.DATE
          && second.getType().getSqlTypeName() == SqlTypeName.DATE && subtract) {
        return new Call(Function.DAYS_BETWEEN, List.of(translate(first), translate(second)),
            type);
      }
      throw ExaException.notSupported("subtracting timestamps from each other");
    }
    if (SqlTypeUtil.isIntType(interval.getType())) {
      Expr days = translate(interval);
      if (subtract) {
        days = new Call(Function.NEGATE, List.of(days), days.type());
      }
      return new Call(Function.ADD_DAYS, List.of(translate(datetime), days), DataType.DATE);
    }
    if (!(interval instanceof RexLiteral literal)) {
      throw ExaException.notSupported("date arithmetic with a non-constant interval");
    }
    Expr base = translate(datetime);
    SqlTypeFamily family = literal.getType().getSqlTypeName().getFamily();
    BigDecimal amount = literal.getValueAs(BigDecimal.class);
    if (amount == null) {
      return Literal.nullOf(type);
    }
    if (subtract) {
      amount = amount.negate();
    }
    if (family == SqlTypeFamily.INTERVAL_YEAR_MONTH) {
      return cast(new Call(Function.ADD_MONTHS, List.of(base,
          new Literal(amount.longValueExact(), DataType.BIGINT)), base.type()), type);
    }
    long micros = amount.multiply(BigDecimal.valueOf(1000)).longValueExact();
    if (base.type().id() == TypeId.DATE && micros % Calendar.MICROS_PER_DAY == 0
        && type.id() == TypeId.DATE) {
      return new Call(Function.ADD_DAYS, List.of(base,
          new Literal(micros / Calendar.MICROS_PER_DAY, DataType.BIGINT)), DataType.DATE);
    }
    Expr timestamp = cast(base, DataType.TIMESTAMP);
    return cast(new Call(Function.ADD_MICROS, List.of(timestamp,
        new Literal(micros, DataType.BIGINT)), DataType.TIMESTAMP), type);
  }
}
