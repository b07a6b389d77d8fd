package io.exapg.core.expr;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.core.expr.runtime.DateFunctions;
import io.exapg.core.expr.runtime.LikePattern;
import io.exapg.core.expr.runtime.RegexPattern;
import io.exapg.core.expr.runtime.StringValue;
import io.exapg.core.type.ArrayText;
import io.exapg.core.type.DataType;
import io.exapg.core.type.PhysicalType;
import io.exapg.core.type.TypeId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the Java source of a class that evaluates expressions row by row inside one loop over
 * a batch: a fused, typed loop with no boxing and no virtual calls per row. Each expression
 * node becomes a pair of locals (is-null flag, value); strings are {@code StringValue}
 * holders owned by the generated instance.
 */
final class ExpressionCodeGenerator {
  /** A generated value: a boolean Java expression for "is null" and the value's variable. */
  private record Value(String isNull, String value) {
  }

  private final List<DataType> inputTypes;
  private final List<Object> constants = new ArrayList<>();
  private final StringBuilder fields = new StringBuilder();
  private final StringBuilder constructor = new StringBuilder();
  private final StringBuilder batchSetup = new StringBuilder();
  private final Set<Integer> preparedColumns = new HashSet<>();
  private final Set<Integer> preparedParameters = new HashSet<>();
  private int nextId;

  ExpressionCodeGenerator(List<DataType> inputTypes) {
    this.inputTypes = inputTypes;
  }

  Object[] constants() {
    return constants.toArray();
  }

  String projectionSource(String className, List<Expr> expressions) {
    StringBuilder outputs = new StringBuilder();
    StringBuilder loop = new StringBuilder();
    for (int k = 0; k < expressions.size(); k++) {
      Expr expr = expressions.get(k);
      DataType type = expr.type();
      if (type.physical() == PhysicalType.VARBINARY) {
        outputs.append("final VarCharVector out").append(k).append(" = (VarCharVector) outputs[")
            .append(k).append("];\n");
      } else {
        outputs.append("final ArrowBuf outData").append(k).append(" = outputs[").append(k)
            .append("].getDataBuffer();\n");
        outputs.append("final ArrowBuf outValid").append(k).append(" = outputs[").append(k)
            .append("].getValidityBuffer();\n");
      }
      StringBuilder code = new StringBuilder();
      Value value = generate(expr, code);
      loop.append("{\n").append(code);
      loop.append("if (!(").append(value.isNull()).append(")) {\n");
      loop.append(writeOutput(k, type, value.value()));
      loop.append("}\n}\n");
    }
    return classSource(className, "CompiledProjection",
        "public void evaluate(Batch input, FieldVector[] outputs, Object[] parameters) {\n"
            + "final int size = input.size();\n"
            + "final int[] selection = input.selection();\n"
            + batchSetup + outputs
            + "for (int j = 0; j < size; j++) {\n"
            + "final int i = selection == null ? j : selection[j];\n"
            + loop
            + "}\n}\n");
  }

  String filterSource(String className, Expr predicate) {
    if (predicate.type().id() != TypeId.BOOLEAN) {
      throw new ExaException(SqlState.DATATYPE_MISMATCH,
          "argument of WHERE must be type boolean, not type " + predicate.type().sqlName());
    }
    StringBuilder code = new StringBuilder();
    Value value = generate(predicate, code);
    return classSource(className, "CompiledFilter",
        "public int filter(Batch input, int[] result, Object[] parameters) {\n"
            + "final int size = input.size();\n"
            + "final int[] selection = input.selection();\n"
            + batchSetup
            + "int count = 0;\n"
            + "for (int j = 0; j < size; j++) {\n"
            + "final int i = selection == null ? j : selection[j];\n"
            + "{\n" + code
            + "if (!(" + value.isNull() + ") && " + value.value() + ") {\n"
            + "result[count++] = i;\n}\n}\n"
            + "}\nreturn count;\n}\n");
  }

  private String classSource(String className, String interfaceName, String method) {
    return "package io.exapg.generated;\n"
        + "import io.exapg.core.batch.Batch;\n"
        + "import io.exapg.core.expr.*;\n"
        + "import io.exapg.core.expr.runtime.*;\n"
        + "import io.exapg.core.type.*;\n"
        + "import org.apache.arrow.memory.ArrowBuf;\n"
        + "import org.apache.arrow.vector.*;\n"
        + "public final class " + className + " implements " + interfaceName + " {\n"
        + "private final Object[] constants;\n"
        + fields
        + "public " + className + "(Object[] constants) {\n"
        + "this.constants = constants;\n"
        + constructor
        + "}\n"
        + method
        + "}\n";
  }

  private String writeOutput(int k, DataType type, String value) {
    String index = "((long) i)";
    return switch (type.physical()) {
      case BIT -> "BitVectorHelper.setBit(outValid" + k + ", i);\nif (" + value
          + ") BitVectorHelper.setBit(outData" + k + ", i);\n";
      case INT16 -> "BitVectorHelper.setBit(outValid" + k + ", i);\noutData" + k
          + ".setShort(" + index + " << 1, (short) " + value + ");\n";
      case INT32 -> "BitVectorHelper.setBit(outValid" + k + ", i);\noutData" + k
          + ".setInt(" + index + " << 2, " + value + ");\n";
      case INT64 -> "BitVectorHelper.setBit(outValid" + k + ", i);\noutData" + k
          + ".setLong(" + index + " << 3, " + value + ");\n";
      case FLOAT32 -> "BitVectorHelper.setBit(outValid" + k + ", i);\noutData" + k
          + ".setFloat(" + index + " << 2, " + value + ");\n";
      case FLOAT64 -> "BitVectorHelper.setBit(outValid" + k + ", i);\noutData" + k
          + ".setDouble(" + index + " << 3, " + value + ");\n";
      case VARBINARY -> "out" + k + ".setSafe(i, " + value + ".bytes, " + value + ".offset, "
          + value + ".length);\n";
    };
  }

  // ---------------------------------------------------------------- names and declarations

  private String name(String prefix) {
    return prefix + nextId++;
  }

  private static String javaType(DataType type) {
    return switch (type.physical()) {
      case BIT -> "boolean";
      case INT16, INT32 -> "int";
      case INT64 -> "long";
      case FLOAT32 -> "float";
      case FLOAT64 -> "double";
      case VARBINARY -> "StringValue";
    };
  }

  private static String zero(DataType type) {
    return switch (type.physical()) {
      case BIT -> "false";
      case INT16, INT32 -> "0";
      case INT64 -> "0L";
      case FLOAT32 -> "0.0f";
      case FLOAT64 -> "0.0d";
      case VARBINARY -> "null";
    };
  }

  private Value declare(StringBuilder code, DataType type) {
    String isNull = name("n");
    String value = name("v");
    code.append("boolean ").append(isNull).append(" = true;\n");
    code.append(javaType(type)).append(' ').append(value).append(" = ").append(zero(type))
        .append(";\n");
    return new Value(isNull, value);
  }

  /** A StringValue field of the generated instance, for one node's results. */
  private String holder() {
    String name = name("h");
    fields.append("private final StringValue ").append(name).append(" = new StringValue();\n");
    return name;
  }

  private String constant(Object value, String type) {
    int index = constants.size();
    constants.add(value);
    String name = name("k");
    fields.append("private final ").append(type).append(' ').append(name).append(";\n");
    constructor.append(name).append(" = (").append(type).append(") constants[").append(index)
        .append("];\n");
    return name;
  }

  private static String anyNull(List<Value> values) {
    StringBuilder sb = new StringBuilder();
    for (Value value : values) {
      if (value.isNull().equals("false")) {
        continue;
      }
      if (sb.length() > 0) {
        sb.append(" || ");
      }
      sb.append(value.isNull());
    }
    return sb.length() == 0 ? "false" : sb.toString();
  }

  /** Null if any argument is null, else the Java expression. */
  private Value strict(StringBuilder code, DataType type, List<Value> args, String expression) {
    Value result = declare(code, type);
    code.append(result.isNull()).append(" = ").append(anyNull(args)).append(";\n");
    code.append("if (!").append(result.isNull()).append(") {\n").append(result.value())
        .append(" = ").append(expression).append(";\n}\n");
    return result;
  }

  /** Null if any argument is null, else runs a statement that fills holder "%OUT%". */
  private Value strictString(StringBuilder code, List<Value> args, String statement) {
    String out = holder();
    Value result = declare(code, DataType.TEXT);
    code.append(result.isNull()).append(" = ").append(anyNull(args)).append(";\n");
    code.append("if (!").append(result.isNull()).append(") {\n")
        .append(statement.replace("%OUT%", out)).append(";\n")
        .append(result.value()).append(" = ").append(out).append(";\n}\n");
    return result;
  }

  // ---------------------------------------------------------------- expressions

  private Value generate(Expr expr, StringBuilder code) {
    return switch (expr) {
      case ColumnRef ref -> column(ref, code);
      case Literal literal -> literal(literal);
      case Parameter parameter -> parameter(parameter);
      case Call call -> call(call, code);
    };
  }

  private Value column(ColumnRef ref, StringBuilder code) {
    int c = ref.index();
    DataType type = inputTypes.get(c);
    if (preparedColumns.add(c)) {
      batchSetup.append("final FieldVector col").append(c).append(" = input.column(").append(c)
          .append(");\n");
      batchSetup.append("final ArrowBuf data").append(c).append(" = col").append(c)
          .append(".getDataBuffer();\n");
      batchSetup.append("final ArrowBuf valid").append(c).append(" = col").append(c)
          .append(".getValidityBuffer();\n");
      batchSetup.append("final boolean noNulls").append(c).append(" = col").append(c)
          .append(".getNullCount() == 0;\n");
      if (type.physical() == PhysicalType.VARBINARY) {
        batchSetup.append("final ArrowBuf offsets").append(c).append(" = col").append(c)
            .append(".getOffsetBuffer();\n");
      }
    }
    String isNull = name("n");
    String value = name("v");
    code.append("final boolean ").append(isNull).append(" = !noNulls").append(c)
        .append(" && BitVectorHelper.get(valid").append(c).append(", i) == 0;\n");
    String index = "((long) i)";
    switch (type.physical()) {
      case BIT -> code.append("final boolean ").append(value).append(" = ((data").append(c)
          .append(".getByte(i >> 3) >> (i & 7)) & 1) != 0;\n");
      case INT16 -> code.append("final int ").append(value).append(" = data").append(c)
          .append(".getShort(").append(index).append(" << 1);\n");
      case INT32 -> code.append("final int ").append(value).append(" = data").append(c)
          .append(".getInt(").append(index).append(" << 2);\n");
      case INT64 -> code.append("final long ").append(value).append(" = data").append(c)
          .append(".getLong(").append(index).append(" << 3);\n");
      case FLOAT32 -> code.append("final float ").append(value).append(" = data").append(c)
          .append(".getFloat(").append(index).append(" << 2);\n");
      case FLOAT64 -> code.append("final double ").append(value).append(" = data").append(c)
          .append(".getDouble(").append(index).append(" << 3);\n");
      case VARBINARY -> {
        String holder = holder();
        code.append("if (!").append(isNull).append(") Strings.read(offsets").append(c)
            .append(", data").append(c).append(", i, ").append(holder).append(");\n");
        code.append("final StringValue ").append(value).append(" = ").append(holder)
            .append(";\n");
      }
    }
    return new Value(isNull, value);
  }

  private Value literal(Literal literal) {
    DataType type = literal.type();
    if (literal.value() == null) {
      return new Value("true", type.physical() == PhysicalType.VARBINARY ? holder()
          : zero(type));
    }
    Object v = literal.value();
    return new Value("false", switch (type.physical()) {
      case BIT -> v.toString();
      case INT16, INT32 -> Integer.toString(((Number) v).intValue());
      case INT64 -> ((Number) v).longValue() + "L";
      case FLOAT32 -> floatLiteral((Float) v);
      case FLOAT64 -> doubleLiteral((Double) v);
      case VARBINARY -> v instanceof byte[] bytes ? constantBytes(bytes)
          : constantString((String) v);
    });
  }

  private String constantBytes(byte[] bytes) {
    String name = name("s");
    int index = constants.size();
    constants.add(bytes);
    fields.append("private final StringValue ").append(name).append(" = new StringValue();\n");
    constructor.append(name).append(".set((byte[]) constants[").append(index).append("]);\n");
    return name;
  }

  private String constantString(String text) {
    String name = name("s");
    int index = constants.size();
    constants.add(text);
    fields.append("private final StringValue ").append(name).append(";\n");
    constructor.append(name).append(" = StringValue.of((String) constants[").append(index)
        .append("]);\n");
    return name;
  }

  private static String doubleLiteral(double v) {
    return "Double.longBitsToDouble(" + Double.doubleToRawLongBits(v) + "L)";
  }

  private static String floatLiteral(float v) {
    return "Float.intBitsToFloat(" + Float.floatToRawIntBits(v) + ")";
  }

  private Value parameter(Parameter parameter) {
    int k = parameter.index();
    DataType type = parameter.type();
    String isNull = "paramNull" + k;
    String value = "param" + k;
    if (preparedParameters.add(k)) {
      batchSetup.append("final boolean ").append(isNull).append(" = parameters[").append(k)
          .append("] == null;\n");
      String unbox = switch (type.physical()) {
        case BIT -> "((Boolean) parameters[" + k + "]).booleanValue()";
        case INT16, INT32 -> "((Integer) parameters[" + k + "]).intValue()";
        case INT64 -> "((Long) parameters[" + k + "]).longValue()";
        case FLOAT32 -> "((Float) parameters[" + k + "]).floatValue()";
        case FLOAT64 -> "((Double) parameters[" + k + "]).doubleValue()";
        case VARBINARY -> null;
      };
      if (unbox == null) {
        String holder = holder();
        batchSetup.append("final StringValue ").append(value).append(" = ").append(holder)
            .append(";\n");
        batchSetup.append("if (!").append(isNull).append(") ").append(holder)
            .append(type.id() == TypeId.BYTEA ? ".set((byte[]) parameters["
                : ".set((String) parameters[").append(k).append("]);\n");
      } else {
        batchSetup.append("final ").append(javaType(type)).append(' ').append(value)
            .append(" = ").append(isNull).append(" ? ").append(zero(type)).append(" : ")
            .append(unbox).append(";\n");
      }
    }
    return new Value(isNull, value);
  }

  private List<Value> arguments(Call call, StringBuilder code) {
    List<Value> values = new ArrayList<>();
    for (Expr argument : call.arguments()) {
      values.add(generate(argument, code));
    }
    return values;
  }

  private Value call(Call call, StringBuilder code) {
    return switch (call.function()) {
      case AND -> and(call, code);
      case OR -> or(call, code);
      case CASE -> caseWhen(call, code);
      case COALESCE -> coalesce(call, code);
      case NULLIF -> nullIf(call, code);
      case IS_NULL, IS_NOT_NULL, IS_TRUE, IS_NOT_TRUE, IS_FALSE, IS_NOT_FALSE -> test(call, code);
      case IS_DISTINCT_FROM, IS_NOT_DISTINCT_FROM -> distinct(call, code);
      case ARRAY_VALUE -> arrayValue(call, code);
      default -> strictCall(call, code);
    };
  }

  private Value strictCall(Call call, StringBuilder code) {
    List<Value> args = arguments(call, code);
    DataType type = call.type();
    List<DataType> argTypes = call.arguments().stream().map(Expr::type).toList();
    return switch (call.function()) {
      case ADD, SUBTRACT, MULTIPLY, DIVIDE, MODULO -> strict(code, type, args,
          arithmetic(call.function(), args.get(0).value(), argTypes.get(0),
              args.get(1).value(), argTypes.get(1), type));
      case NEGATE -> strict(code, type, args, negate(args.get(0).value(), type));
      case BIT_AND -> strict(code, type, args, "(" + convertOrFail(args.get(0).value(),
          argTypes.get(0), type) + " & " + convertOrFail(args.get(1).value(), argTypes.get(1),
          type) + ")");
      case EQUAL, NOT_EQUAL, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL ->
          strict(code, DataType.BOOLEAN, args, comparison(call.function(), args.get(0).value(),
              argTypes.get(0), args.get(1).value(), argTypes.get(1)));
      case NOT -> strict(code, DataType.BOOLEAN, args, "!" + args.get(0).value());
      case IN_LIST -> strict(code, DataType.BOOLEAN, args, inList(args, argTypes));
      case CAST, ASSIGN_CAST -> cast(code, args.get(0), argTypes.get(0), type,
          call.function() == Function.ASSIGN_CAST);
      case ARRAY_ELEMENT -> arrayElement(code, args, type);
      case LOOKUP -> lookup(call, code, args.get(0));
      case ARRAY_CONTAINS -> arrayContains(code, args, argTypes);
      case ARRAY_TO_STRING -> strictString(code, args.subList(0, 2), "ArrayValues.join("
          + args.get(0).value() + ", " + args.get(1).value() + ", "
          + (args.size() > 2 ? args.get(2).isNull() + " ? null : " + args.get(2).value()
              : "null") + ", %OUT%)");
      case ARRAY_BOUND -> arrayBound(code, call, args);
      case ARRAY_CAT -> strictString(code, args, "ArrayValues.concat(" + args.get(0).value()
          + ", " + args.get(1).value() + ", %OUT%)");
      case STRING_TO_ARRAY -> strictString(code, args.subList(0, 2), "ArrayValues.split("
          + args.get(0).value() + ", " + args.get(1).value() + ", "
          + (args.size() > 2 ? args.get(2).isNull() + " ? null : " + args.get(2).value()
              : "null") + ", %OUT%)");
      case LIKE, ILIKE -> like(call, args, code);
      case REGEX_MATCH, REGEX_IMATCH -> regex(call, args, code);
      case FORMAT_TYPE -> strictString(code, args, "%OUT%.set(PgTypeNames.format((long) "
          + args.get(0).value() + ", (long) " + args.get(1).value() + "))");
      case CONCAT -> strictString(code, args,
          "Strings.concat(" + args.get(0).value() + ", " + args.get(1).value() + ", %OUT%)");
      case UPPER -> strictString(code, args, "Strings.upper(" + args.get(0).value() + ", %OUT%)");
      case LOWER -> strictString(code, args, "Strings.lower(" + args.get(0).value() + ", %OUT%)");
      case RANDOM_UUID -> strictString(code, args,
          "%OUT%.set(java.util.UUID.randomUUID().toString())");
      case SIZE_PRETTY -> strictString(code, args,
          "%OUT%.set(Strings.sizePretty(" + args.get(0).value() + "))");
      case INITCAP -> strictString(code, args,
          "Strings.initcap(" + args.get(0).value() + ", %OUT%)");
      case REVERSE -> strictString(code, args,
          "Strings.reverse(" + args.get(0).value() + ", %OUT%)");
      case QUOTE_IDENT -> strictString(code, args,
          "Strings.quoteIdent(" + args.get(0).value() + ", %OUT%)");
      case QUOTE_LITERAL -> strictString(code, args,
          "Strings.quoteLiteral(" + args.get(0).value() + ", %OUT%)");
      case CHAR_LENGTH -> strict(code, type, args,
          widen("Strings.charLength(" + args.get(0).value() + ")", DataType.INTEGER, type));
      case OCTET_LENGTH -> strict(code, type, args,
          widen(args.get(0).value() + ".length", DataType.INTEGER, type));
      case ENCODE -> strictString(code, args, "Bytes.encode(" + args.get(0).value() + ", "
          + args.get(1).value() + ", %OUT%)");
      case DECODE -> strictString(code, args, "Bytes.decode(" + args.get(0).value() + ", "
          + args.get(1).value() + ", %OUT%)");
      case MD5 -> strictString(code, args, "Bytes.md5Hex(" + args.get(0).value() + ", %OUT%)");
      case SHA -> strictString(code, args.subList(1, 2), "Bytes.sha(\""
          + stringLiteral(call.argument(0)) + "\", " + args.get(1).value() + ", %OUT%)");
      case GET_BYTE -> strict(code, type, args, widen("Bytes.getByte(" + args.get(0).value()
          + ", (long) " + args.get(1).value() + ")", DataType.INTEGER, type));
      case SUBSTRING -> strictString(code, args, (argTypes.get(0).id() == TypeId.BYTEA
          ? "Bytes.substring(" : "Strings.substring(") + args.get(0).value()
          + ", (long) " + args.get(1).value() + ", "
          + (args.size() > 2 ? "(long) " + args.get(2).value() + ", true" : "0L, false")
          + ", %OUT%)");
      case TRIM -> strictString(code, args.subList(1, 3), "Strings.trim(" + args.get(2).value()
          + ", " + args.get(1).value() + ", \"" + stringLiteral(call.argument(0)) + "\", %OUT%)");
      case LTRIM, RTRIM -> {
        String characters = args.size() > 1 ? args.get(1).value() : constantString(" ");
        yield strictString(code, args, "Strings.trim(" + args.get(0).value() + ", " + characters
            + ", \"" + (call.function() == Function.LTRIM ? "LEADING" : "TRAILING")
            + "\", %OUT%)");
      }
      case REPLACE -> strictString(code, args, "Strings.replace(" + args.get(0).value() + ", "
          + args.get(1).value() + ", " + args.get(2).value() + ", %OUT%)");
      case POSITION -> strict(code, type, args, widen((argTypes.get(1).id() == TypeId.BYTEA
          ? "Bytes.position(" : "Strings.position(") + args.get(0).value()
          + ", " + args.get(1).value() + ")", DataType.INTEGER, type));
      case LEFT, RIGHT -> strictString(code, args, "Strings."
          + (call.function() == Function.LEFT ? "left" : "right") + "(" + args.get(0).value()
          + ", (long) " + args.get(1).value() + ", %OUT%)");
      case LPAD, RPAD -> {
        String fill = args.size() > 2 ? args.get(2).value() : constantString(" ");
        yield strictString(code, args, "Strings.pad(" + args.get(0).value() + ", (long) "
            + args.get(1).value() + ", " + fill + ", " + (call.function() == Function.LPAD)
            + ", %OUT%)");
      }
      case REPEAT -> strictString(code, args, "Strings.repeat(" + args.get(0).value()
          + ", (long) " + args.get(1).value() + ", %OUT%)");
      case SPLIT_PART -> strictString(code, args, "Strings.splitPart(" + args.get(0).value()
          + ", " + args.get(1).value() + ", (long) " + args.get(2).value() + ", %OUT%)");
      case ABS -> strict(code, type, args, abs(args.get(0).value(), argTypes.get(0), type));
      case SIGN -> strict(code, type, args, sign(args.get(0).value(), argTypes.get(0), type));
      case ROUND, TRUNC -> strict(code, type, args, roundOrTrunc(call, args));
      case FLOOR, CEIL -> strict(code, type, args, floorOrCeil(call, args.get(0).value()));
      case SQRT -> strict(code, type, args, "Arithmetic.sqrt("
          + toDouble(args.get(0).value(), argTypes.get(0)) + ")");
      case EXP -> strict(code, type, args, "Arithmetic.checkDouble(Math.exp("
          + toDouble(args.get(0).value(), argTypes.get(0)) + "), 0.0d, 0.0d)");
      case LN -> strict(code, type, args, "Arithmetic.ln("
          + toDouble(args.get(0).value(), argTypes.get(0)) + ")");
      case LOG10 -> strict(code, type, args, "Arithmetic.log10("
          + toDouble(args.get(0).value(), argTypes.get(0)) + ")");
      case POWER -> strict(code, type, args, "Arithmetic.power("
          + toDouble(args.get(0).value(), argTypes.get(0)) + ", "
          + toDouble(args.get(1).value(), argTypes.get(1)) + ")");
      case EXTRACT, DATE_PART -> strict(code, type, args.subList(1, 2),
          extract(call, args.get(1).value()));
      case DATE_TRUNC -> strict(code, type, args.subList(1, 2),
          dateTrunc(call, args.get(1).value()));
      case ADD_DAYS -> strict(code, type, args, "DateFunctions.addDays(" + args.get(0).value()
          + ", (long) " + args.get(1).value() + ")");
      case ADD_MONTHS -> strict(code, type, args, argTypes.get(0).id() == TypeId.DATE
          ? "DateFunctions.addMonthsToDate(" + args.get(0).value() + ", (long) "
              + args.get(1).value() + ")"
          : "DateFunctions.addMonthsToTimestamp(" + args.get(0).value() + ", (long) "
              + args.get(1).value() + ")");
      case ADD_MICROS -> strict(code, type, args, "Arithmetic.addLong(" + args.get(0).value()
          + ", " + args.get(1).value() + ")");
      case DAYS_BETWEEN -> strict(code, type, args, widen("Arithmetic.subtractInt("
          + args.get(0).value() + ", " + args.get(1).value() + ")", DataType.INTEGER, type));
      default -> throw ExaException.notSupported("function " + call.function());
    };
  }

  private static String stringLiteral(Expr expr) {
    if (expr instanceof Literal literal && literal.value() instanceof String text) {
      return text;
    }
    throw new ExaException(SqlState.INTERNAL_ERROR, "expected a string literal: " + expr);
  }

  // ---------------------------------------------------------------- numbers

  /** Widens an integral Java expression of one exact type to another (no checks needed). */
  private static String widen(String value, DataType from, DataType to) {
    return convert(value, from, to);
  }

  /**
   * Converts a numeric Java expression between numeric, boolean and datetime types with
   * PostgreSQL's rounding and range checks (an explicit cast's semantics).
   */
  private static String convert(String v, DataType from, DataType to) {
    TypeId f = from.id();
    TypeId t = to.id();
    if (f == t && f != TypeId.DECIMAL && f != TypeId.TIMESTAMP) {
      return v;
    }
    switch (t) {
      case BOOLEAN:
        if (from.isExactNumeric() && f != TypeId.DECIMAL) {
          return "(" + v + " != 0)";
        }
        break;
      case SMALLINT:
        return switch (f) {
          case BOOLEAN -> "(" + v + " ? 1 : 0)";
          case INTEGER, BIGINT -> "Arithmetic.checkSmallint(" + v + ")";
          case DECIMAL -> "Arithmetic.checkSmallint(Casts.decimalToLong(" + v + ", "
              + from.scale() + "))";
          case REAL, DOUBLE -> "Arithmetic.checkSmallint(Casts.doubleToLong(" + v
              + ", \"smallint\"))";
          default -> null;
        };
      case INTEGER:
        return switch (f) {
          case BOOLEAN -> "(" + v + " ? 1 : 0)";
          case SMALLINT -> v;
          case BIGINT -> "Arithmetic.checkInteger(" + v + ")";
          case DECIMAL -> "Arithmetic.checkInteger(Casts.decimalToLong(" + v + ", "
              + from.scale() + "))";
          case REAL, DOUBLE -> "Arithmetic.checkInteger(Casts.doubleToLong(" + v
              + ", \"integer\"))";
          default -> null;
        };
      case BIGINT:
        return switch (f) {
          case BOOLEAN -> "(" + v + " ? 1L : 0L)";
          case SMALLINT, INTEGER -> "((long) " + v + ")";
          case DECIMAL -> "Casts.decimalToLong(" + v + ", " + from.scale() + ")";
          case REAL, DOUBLE -> "Casts.doubleToLong(" + v + ", \"bigint\")";
          default -> null;
        };
      case DECIMAL:
        return switch (f) {
          case SMALLINT, INTEGER, BIGINT -> "Casts.toDecimal((long) " + v + ", 0, "
              + to.precision() + ", " + to.scale() + ")";
          case DECIMAL -> from.scale() == to.scale() && from.precision() <= to.precision()
              ? v
              : "Casts.toDecimal(" + v + ", " + from.scale() + ", " + to.precision() + ", "
                  + to.scale() + ")";
          case REAL -> "Casts.floatToDecimal(" + v + ", " + to.precision() + ", " + to.scale()
              + ")";
          case DOUBLE -> "Casts.doubleToDecimal(" + v + ", " + to.precision() + ", "
              + to.scale() + ")";
          default -> null;
        };
      case REAL:
        return switch (f) {
          case SMALLINT, INTEGER, BIGINT -> "((float) " + v + ")";
          case DECIMAL -> "((float) Casts.decimalToDouble(" + v + ", " + from.scale() + "))";
          case DOUBLE -> "Casts.doubleToFloat(" + v + ")";
          default -> null;
        };
      case DOUBLE:
        return switch (f) {
          case SMALLINT, INTEGER, BIGINT, REAL -> "((double) " + v + ")";
          case DECIMAL -> "Casts.decimalToDouble(" + v + ", " + from.scale() + ")";
          default -> null;
        };
      case DATE:
        if (f == TypeId.TIMESTAMP) {
          return "Casts.timestampToDate(" + v + ")";
        }
        break;
      case TIMESTAMP:
        if (f == TypeId.DATE) {
          return "Casts.dateToTimestamp(" + v + ")";
        }
        if (f == TypeId.TIMESTAMP) {
          return to.precision() >= from.precision() ? v
              : "Casts.roundTimestamp(" + v + ", " + to.precision() + ")";
        }
        break;
      default:
        break;
    }
    return null;
  }

  private static String convertOrFail(String v, DataType from, DataType to) {
    String converted = convert(v, from, to);
    if (converted == null) {
      throw cannotCast(from, to);
    }
    return converted;
  }

  private static ExaException cannotCast(DataType from, DataType to) {
    return new ExaException(SqlState.CANNOT_COERCE,
        "cannot cast type " + from.sqlName() + " to " + to.sqlName());
  }

  private static String toDouble(String v, DataType from) {
    return convertOrFail(v, from, DataType.DOUBLE);
  }

  /** An operand in the representation of the result type, widened without checks. */
  private static String operand(String v, DataType from, DataType result) {
    if (result.id() == TypeId.DECIMAL) {
      int scale = from.decimalScale();
      String unscaled = from.id() == TypeId.DECIMAL ? v : "((long) " + v + ")";
      return scale == result.scale() ? unscaled
          : "Decimals.rescale(" + unscaled + ", " + scale + ", " + result.scale() + ")";
    }
    return convertOrFail(v, from, result);
  }

  private static String arithmetic(Function function, String a, DataType aType, String b,
      DataType bType, DataType result) {
    switch (result.id()) {
      case SMALLINT, INTEGER -> {
        String x = convertOrFail(a, aType, DataType.INTEGER);
        String y = convertOrFail(b, bType, DataType.INTEGER);
        String op = switch (function) {
          case ADD -> "Arithmetic.addInt(" + x + ", " + y + ")";
          case SUBTRACT -> "Arithmetic.subtractInt(" + x + ", " + y + ")";
          case MULTIPLY -> "Arithmetic.multiplyInt(" + x + ", " + y + ")";
          case DIVIDE -> "Arithmetic.divideInt(" + x + ", " + y + ")";
          default -> "Arithmetic.moduloInt(" + x + ", " + y + ")";
        };
        return result.id() == TypeId.SMALLINT ? "Arithmetic.checkSmallint(" + op + ")" : op;
      }
      case BIGINT -> {
        String x = convertOrFail(a, aType, DataType.BIGINT);
        String y = convertOrFail(b, bType, DataType.BIGINT);
        return switch (function) {
          case ADD -> "Arithmetic.addLong(" + x + ", " + y + ")";
          case SUBTRACT -> "Arithmetic.subtractLong(" + x + ", " + y + ")";
          case MULTIPLY -> "Arithmetic.multiplyLong(" + x + ", " + y + ")";
          case DIVIDE -> "Arithmetic.divideLong(" + x + ", " + y + ")";
          default -> "Arithmetic.moduloLong(" + x + ", " + y + ")";
        };
      }
      case DECIMAL -> {
        int s = result.scale();
        String x = aType.id() == TypeId.DECIMAL ? a : "((long) " + a + ")";
        String y = bType.id() == TypeId.DECIMAL ? b : "((long) " + b + ")";
        int sa = aType.decimalScale();
        int sb = bType.decimalScale();
        return switch (function) {
          case ADD -> "Decimals.addExact(" + operand(a, aType, result) + ", "
              + operand(b, bType, result) + ")";
          case SUBTRACT -> "Decimals.subtractExact(" + operand(a, aType, result) + ", "
              + operand(b, bType, result) + ")";
          case MULTIPLY -> sa + sb == s ? "Decimals.multiplyExact(" + x + ", " + y + ")"
              : "Decimals.rescale(Decimals.multiplyExact(" + x + ", " + y + "), " + (sa + sb)
                  + ", " + s + ")";
          case DIVIDE -> "Decimals.divide(" + x + ", " + sa + ", " + y + ", " + sb + ", " + s
              + ")";
          default -> "Arithmetic.moduloDecimal(" + operand(a, aType, result) + ", "
              + operand(b, bType, result) + ")";
        };
      }
      case REAL, DOUBLE -> {
        String x = convertOrFail(a, aType, result);
        String y = convertOrFail(b, bType, result);
        String cast = result.id() == TypeId.REAL ? "(float) " : "";
        return switch (function) {
          case ADD -> cast + "Arithmetic.checkDouble(" + x + " + " + y + ", " + x + ", " + y
              + ")";
          case SUBTRACT -> cast + "Arithmetic.checkDouble(" + x + " - " + y + ", " + x + ", "
              + y + ")";
          case MULTIPLY -> cast + "Arithmetic.checkDouble(" + x + " * " + y + ", " + x + ", "
              + y + ")";
          case DIVIDE -> result.id() == TypeId.REAL ? "Arithmetic.divideFloat(" + x + ", " + y
              + ")" : "Arithmetic.divideDouble(" + x + ", " + y + ")";
          default -> cast + "Arithmetic.moduloDouble(" + x + ", " + y + ")";
        };
      }
      default -> throw new ExaException(SqlState.UNDEFINED_FUNCTION,
          "operator does not exist: " + aType.sqlName() + " " + symbol(function) + " "
              + bType.sqlName());
    }
  }

  private static String symbol(Function function) {
    return switch (function) {
      case ADD -> "+";
      case SUBTRACT -> "-";
      case MULTIPLY -> "*";
      case DIVIDE -> "/";
      default -> "%";
    };
  }

  private static String negate(String v, DataType type) {
    return switch (type.id()) {
      case SMALLINT -> "Arithmetic.checkSmallint(-" + v + ")";
      case INTEGER -> "Arithmetic.negateInt(" + v + ")";
      case BIGINT, DECIMAL -> "Arithmetic.negateLong(" + v + ")";
      case REAL, DOUBLE -> "(-" + v + ")";
      default -> throw new ExaException(SqlState.UNDEFINED_FUNCTION,
          "operator does not exist: - " + type.sqlName());
    };
  }

  private static String abs(String v, DataType from, DataType type) {
    String x = operand(v, from, type);
    return switch (type.id()) {
      case SMALLINT -> "Arithmetic.checkSmallint(Math.abs(" + x + "))";
      case INTEGER -> "(" + x + " < 0 ? Arithmetic.negateInt(" + x + ") : " + x + ")";
      case BIGINT, DECIMAL -> "(" + x + " < 0L ? Arithmetic.negateLong(" + x + ") : " + x + ")";
      default -> "Math.abs(" + x + ")";
    };
  }

  private static String sign(String v, DataType from, DataType type) {
    return switch (from.id()) {
      case SMALLINT, INTEGER -> widen("Integer.signum(" + v + ")", DataType.INTEGER, type);
      case BIGINT -> widen("Long.signum(" + v + ")", DataType.BIGINT, type);
      case DECIMAL -> type.id() == TypeId.DECIMAL
          ? "(Long.signum(" + v + ") * Decimals.powerOfTen(" + type.scale() + "))"
          : widen("Long.signum(" + v + ")", DataType.BIGINT, type);
      default -> convertOrFail("Math.signum(" + toDouble(v, from) + ")", DataType.DOUBLE, type);
    };
  }

  private static String roundOrTrunc(Call call, List<Value> args) {
    boolean round = call.function() == Function.ROUND;
    DataType from = call.argument(0).type();
    DataType type = call.type();
    String v = args.get(0).value();
    String digits = args.size() > 1 ? "(long) " + args.get(1).value() : "0L";
    return switch (from.id()) {
      case DECIMAL -> {
        String adjusted = (round ? "Arithmetic.roundDecimal(" : "Arithmetic.truncDecimal(") + v
            + ", " + from.scale() + ", " + digits + ")";
        yield type.id() == TypeId.DECIMAL
            ? "Decimals.rescale(" + adjusted + ", " + from.scale() + ", " + type.scale() + ")"
            : convertOrFail(adjusted, from, type);
      }
      case REAL, DOUBLE -> {
        String x = toDouble(v, from);
        String value = args.size() > 1
            ? "Casts.decimalToDouble(" + (round ? "Arithmetic.roundDecimal(" : "Arithmetic"
                + ".truncDecimal(") + "Casts.doubleToDecimal(" + x + ", 18, 9), 9, " + digits
                + "), 9)"
            : round ? "Math.rint(" + x + ")" : "(" + x + " < 0 ? Math.ceil(" + x
                + ") : Math.floor(" + x + "))";
        yield convertOrFail(value, DataType.DOUBLE, type);
      }
      default -> convertOrFail(v, from, type);
    };
  }

  private static String floorOrCeil(Call call, String v) {
    DataType from = call.argument(0).type();
    DataType type = call.type();
    boolean floor = call.function() == Function.FLOOR;
    return switch (from.id()) {
      case DECIMAL -> {
        String adjusted = (floor ? "Arithmetic.floorDecimal(" : "Arithmetic.ceilDecimal(") + v
            + ", " + from.scale() + ")";
        yield type.id() == TypeId.DECIMAL
            ? "Decimals.rescale(" + adjusted + ", " + from.scale() + ", " + type.scale() + ")"
            : convertOrFail(adjusted, from, type);
      }
      case REAL, DOUBLE -> convertOrFail((floor ? "Math.floor(" : "Math.ceil(")
          + toDouble(v, from) + ")", DataType.DOUBLE, type);
      default -> convertOrFail(v, from, type);
    };
  }

  // ---------------------------------------------------------------- comparisons and logic

  /** value = c1 OR value = c2 ...: the value computed once, the constants never null. */
  private static String inList(List<Value> args, List<DataType> types) {
    StringBuilder expression = new StringBuilder("(");
    for (int k = 1; k < args.size(); k++) {
      expression.append(k > 1 ? " || " : "").append(comparison(Function.EQUAL,
          args.get(0).value(), types.get(0), args.get(k).value(), types.get(k)));
    }
    return expression.append(")").toString();
  }

  private static String comparison(Function function, String a, DataType aType, String b,
      DataType bType) {
    String op = switch (function) {
      case EQUAL -> "==";
      case NOT_EQUAL -> "!=";
      case LESS_THAN -> "<";
      case LESS_THAN_OR_EQUAL -> "<=";
      case GREATER_THAN -> ">";
      default -> ">=";
    };
    if (aType.isArray() && bType.isArray() || aType.id() == bType.id()
        && (aType.id() == TypeId.UUID || aType.id() == TypeId.BYTEA)) {
      // canonical texts and raw bytes: equal values have equal bytes and sort as bytes do
      return "Strings.compare(" + a + ", " + b + ") " + op + " 0";
    }
    if (aType.isString() && bType.isString()) {
      if (aType.id() == TypeId.CHAR && bType.id() == TypeId.CHAR) {
        return "Strings.compareBlankPadded(" + a + ", " + b + ") " + op + " 0";
      }
      if (function == Function.EQUAL) {
        return "Strings.equal(" + a + ", " + b + ")";
      }
      if (function == Function.NOT_EQUAL) {
        return "!Strings.equal(" + a + ", " + b + ")";
      }
      return "Strings.compare(" + a + ", " + b + ") " + op + " 0";
    }
    if (aType.id() == TypeId.BOOLEAN && bType.id() == TypeId.BOOLEAN) {
      return "Boolean.compare(" + a + ", " + b + ") " + op + " 0";
    }
    if (aType.isNumeric() && bType.isNumeric()) {
      if (isApproximate(aType) || isApproximate(bType)) {
        return "Arithmetic.compareDouble(" + toDouble(a, aType) + ", " + toDouble(b, bType)
            + ") " + op + " 0";
      }
      if (aType.id() == TypeId.DECIMAL || bType.id() == TypeId.DECIMAL) {
        DataType common = DataType.decimal(DataType.MAX_DECIMAL_PRECISION,
            Math.max(aType.decimalScale(), bType.decimalScale()));
        return operand(a, aType, common) + " " + op + " " + operand(b, bType, common);
      }
      return a + " " + op + " " + b;
    }
    if (aType.isDatetime() && bType.isDatetime()) {
      if (aType.id() != bType.id()) {
        return convertOrFail(a, aType, DataType.TIMESTAMP) + " " + op + " "
            + convertOrFail(b, bType, DataType.TIMESTAMP);
      }
      return a + " " + op + " " + b;
    }
    throw new ExaException(SqlState.UNDEFINED_FUNCTION,
        "operator does not exist: " + aType.sqlName() + " " + op + " " + bType.sqlName());
  }

  private static boolean isApproximate(DataType type) {
    return type.id() == TypeId.REAL || type.id() == TypeId.DOUBLE;
  }

  private Value and(Call call, StringBuilder code) {
    Value result = declare(code, DataType.BOOLEAN);
    andFrom(call.arguments(), 0, "false", result, code);
    return result;
  }

  /** Three-valued AND of args[index..], short-circuiting on a definite false. */
  private void andFrom(List<Expr> args, int index, String nullSoFar, Value result,
      StringBuilder code) {
    if (index == args.size()) {
      code.append(result.isNull()).append(" = ").append(nullSoFar).append(";\n");
      code.append(result.value()).append(" = !(").append(nullSoFar).append(");\n");
      return;
    }
    Value arg = generate(args.get(index), code);
    String flag = name("z");
    code.append("final boolean ").append(flag).append(" = ").append(arg.isNull()).append(";\n");
    code.append("if (!").append(flag).append(" && !").append(arg.value()).append(") {\n");
    code.append(result.isNull()).append(" = false;\n").append(result.value())
        .append(" = false;\n} else {\n");
    andFrom(args, index + 1, nullSoFar.equals("false") ? flag : nullSoFar + " || " + flag,
        result, code);
    code.append("}\n");
  }

  private Value or(Call call, StringBuilder code) {
    Value result = declare(code, DataType.BOOLEAN);
    orFrom(call.arguments(), 0, "false", result, code);
    return result;
  }

  private void orFrom(List<Expr> args, int index, String nullSoFar, Value result,
      StringBuilder code) {
    if (index == args.size()) {
      code.append(result.isNull()).append(" = ").append(nullSoFar).append(";\n");
      code.append(result.value()).append(" = false;\n");
      return;
    }
    Value arg = generate(args.get(index), code);
    String flag = name("z");
    code.append("final boolean ").append(flag).append(" = ").append(arg.isNull()).append(";\n");
    code.append("if (!").append(flag).append(" && ").append(arg.value()).append(") {\n");
    code.append(result.isNull()).append(" = false;\n").append(result.value())
        .append(" = true;\n} else {\n");
    orFrom(args, index + 1, nullSoFar.equals("false") ? flag : nullSoFar + " || " + flag,
        result, code);
    code.append("}\n");
  }

  private Value test(Call call, StringBuilder code) {
    Value arg = generate(call.argument(0), code);
    String n = arg.isNull();
    String v = arg.value();
    String expression = switch (call.function()) {
      case IS_NULL -> n;
      case IS_NOT_NULL -> "!(" + n + ")";
      case IS_TRUE -> "!(" + n + ") && " + v;
      case IS_NOT_TRUE -> "(" + n + ") || !" + v;
      case IS_FALSE -> "!(" + n + ") && !" + v;
      default -> "(" + n + ") || " + v;
    };
    Value result = declare(code, DataType.BOOLEAN);
    code.append(result.isNull()).append(" = false;\n").append(result.value()).append(" = ")
        .append(expression).append(";\n");
    return result;
  }

  private Value distinct(Call call, StringBuilder code) {
    List<Value> args = arguments(call, code);
    String equal = comparison(Function.EQUAL, args.get(0).value(), call.argument(0).type(),
        args.get(1).value(), call.argument(1).type());
    String na = args.get(0).isNull();
    String nb = args.get(1).isNull();
    String isDistinct = "((" + na + ") && (" + nb + ") ? false : (" + na + ") || (" + nb
        + ") ? true : !(" + equal + "))";
    Value result = declare(code, DataType.BOOLEAN);
    code.append(result.isNull()).append(" = false;\n").append(result.value()).append(" = ")
        .append(call.function() == Function.IS_DISTINCT_FROM ? isDistinct : "!" + isDistinct)
        .append(";\n");
    return result;
  }

  private Value caseWhen(Call call, StringBuilder code) {
    Value result = declare(code, call.type());
    caseFrom(call, 0, result, code);
    return result;
  }

  private void caseFrom(Call call, int index, Value result, StringBuilder code) {
    List<Expr> args = call.arguments();
    if (index == args.size() - 1) {
      assign(args.get(index), call.type(), result, code);
      return;
    }
    Value condition = generate(args.get(index), code);
    code.append("if (!(").append(condition.isNull()).append(") && ").append(condition.value())
        .append(") {\n");
    assign(args.get(index + 1), call.type(), result, code);
    code.append("} else {\n");
    caseFrom(call, index + 2, result, code);
    code.append("}\n");
  }

  /** Evaluates expr and stores it into result, converting to the result type if needed. */
  private void assign(Expr expr, DataType type, Value result, StringBuilder code) {
    Value value = generate(expr, code);
    String v = value.value();
    if (!expr.type().equals(type) && type.physical() != PhysicalType.VARBINARY) {
      v = convertOrFail(v, expr.type(), type);
    }
    code.append(result.isNull()).append(" = ").append(value.isNull()).append(";\n");
    code.append("if (!").append(result.isNull()).append(") ").append(result.value())
        .append(" = ").append(v).append(";\n");
  }

  private Value coalesce(Call call, StringBuilder code) {
    Value result = declare(code, call.type());
    List<Expr> args = call.arguments();
    int depth = 0;
    for (int k = 0; k < args.size(); k++) {
      assign(args.get(k), call.type(), result, code);
      if (k < args.size() - 1) {
        code.append("if (").append(result.isNull()).append(") {\n");
        depth++;
      }
    }
    code.append("}\n".repeat(depth));
    return result;
  }

  private Value nullIf(Call call, StringBuilder code) {
    List<Value> args = arguments(call, code);
    String equal = comparison(Function.EQUAL, args.get(0).value(), call.argument(0).type(),
        args.get(1).value(), call.argument(1).type());
    Value result = declare(code, call.type());
    code.append(result.isNull()).append(" = (").append(args.get(0).isNull()).append(") || (!(")
        .append(args.get(1).isNull()).append(") && ").append(equal).append(");\n");
    code.append("if (!").append(result.isNull()).append(") ").append(result.value())
        .append(" = ").append(args.get(0).value()).append(";\n");
    return result;
  }

  // ---------------------------------------------------------------- casts

  private Value cast(StringBuilder code, Value arg, DataType from, DataType to,
      boolean assignment) {
    if (to.isString()) {
      return castToString(code, arg, from, to, assignment);
    }
    if (to.id() == TypeId.BYTEA) {
      if (from.id() == TypeId.BYTEA) {
        return arg;
      }
      if (!from.isString()) {
        throw cannotCast(from, to);
      }
      return strictString(code, List.of(arg), "Bytes.fromText(" + arg.value() + ", %OUT%)");
    }
    if (to.id() == TypeId.UUID) {
      if (from.id() == TypeId.UUID) {
        return arg;
      }
      if (!from.isString()) {
        throw cannotCast(from, to);
      }
      return strictString(code, List.of(arg), "%OUT%.set(TextFormat.parseUuid("
          + arg.value() + ".toString()))");
    }
    if (to.isArray()) {
      if (!from.isString() && !from.isArray()) {
        throw cannotCast(from, to);
      }
      return strictString(code, List.of(arg), "ArrayValues.canonical(" + arg.value() + ", "
          + constant(to, "DataType") + ", %OUT%)");
    }
    if (from.isString()) {
      String v = arg.value();
      String parsed = switch (to.id()) {
        case BOOLEAN -> "Casts.textToBoolean(" + v + ")";
        case SMALLINT, INTEGER -> "(int) Casts.textToLong(" + v + ", " + to.id().ordinal() + ")";
        case BIGINT -> "Casts.textToLong(" + v + ", " + to.id().ordinal() + ")";
        case DECIMAL -> "Casts.textToDecimal(" + v + ", " + to.precision() + ", " + to.scale()
            + ")";
        case REAL -> "Casts.textToFloat(" + v + ")";
        case DOUBLE -> "Casts.textToDouble(" + v + ")";
        case DATE -> "Casts.textToDate(" + v + ")";
        case TIMESTAMP -> to.precision() >= 6 ? "Casts.textToTimestamp(" + v + ")"
            : "Casts.roundTimestamp(Casts.textToTimestamp(" + v + "), " + to.precision() + ")";
        default -> throw cannotCast(from, to);
      };
      return strict(code, to, List.of(arg), parsed);
    }
    return strict(code, to, List.of(arg), convertOrFail(arg.value(), from, to));
  }

  private Value castToString(StringBuilder code, Value arg, DataType from, DataType to,
      boolean assignment) {
    String v = arg.value();
    String text;
    if (from.isString()) {
      text = from.id() == TypeId.CHAR && to.id() == TypeId.VARCHAR
          ? "Strings.rtrimSpaces(" + v + ", %OUT%)" : null;
    } else if (from.isArray()) {
      text = from.isVectorForm() ? "ArrayValues.display(" + v + ", %OUT%)" : null;
    } else if (from.id() == TypeId.UUID) {
      text = null;
    } else if (from.id() == TypeId.BYTEA) {
      text = "Bytes.toText(" + v + ", %OUT%)";
    } else {
      text = switch (from.id()) {
        case BOOLEAN -> "Casts.booleanToText(" + v + ", %OUT%)";
        case SMALLINT, INTEGER, BIGINT -> "Casts.longToText(" + v + ", %OUT%)";
        case DECIMAL -> "Casts.decimalToText(" + v + ", " + from.scale() + ", %OUT%)";
        case REAL -> "Casts.floatToText(" + v + ", %OUT%)";
        case DOUBLE -> "Casts.doubleToText(" + v + ", %OUT%)";
        case DATE -> "Casts.dateToText(" + v + ", %OUT%)";
        case TIMESTAMP -> "Casts.timestampToText(" + v + ", %OUT%)";
        default -> throw cannotCast(from, to);
      };
    }
    Value value = text == null ? arg : strictString(code, List.of(arg), text);
    boolean bounded = to.precision() != DataType.UNBOUNDED;
    if (to.id() == TypeId.CHAR) {
      if (assignment) {
        value = strictString(code, List.of(value), "Strings.checkLength(" + value.value() + ", "
            + to.precision() + ", \"character\", %OUT%)");
      }
      return strictString(code, List.of(value),
          "Strings.padToLength(" + value.value() + ", " + to.precision() + ", %OUT%)");
    }
    if (bounded && (from.isString() ? from.precision() == DataType.UNBOUNDED
        || from.precision() > to.precision() : true)) {
      String statement = assignment
          ? "Strings.checkLength(" + value.value() + ", " + to.precision()
              + ", \"character varying\", %OUT%)"
          : "Strings.truncate(" + value.value() + ", " + to.precision() + ", %OUT%)";
      return strictString(code, List.of(value), statement);
    }
    return value;
  }

  // ---------------------------------------------------------------- arrays

  /** ARRAY[a, b, ...]: elements (NULL included) in their canonical text, one builder. */
  private Value arrayValue(Call call, StringBuilder code) {
    String builder = name("array");
    fields.append("private final ArrayValues.Builder ").append(builder)
        .append(" = new ArrayValues.Builder();\n");
    DataType element = call.type().element();
    List<Value> texts = new ArrayList<>();
    for (Expr argument : call.arguments()) {
      Value value = generate(argument, code);
      texts.add(element.isString() ? value
          : castToString(code, value, argument.type(), DataType.TEXT, false));
    }
    code.append(builder).append(".reset();\n");
    for (Value text : texts) {
      code.append("if (").append(text.isNull()).append(") ").append(builder)
          .append(".addNull(); else ").append(builder).append(".add(").append(text.value())
          .append(");\n");
    }
    String out = holder();
    Value result = declare(code, call.type());
    code.append(builder).append(".finish(").append(out).append(");\n");
    code.append(result.isNull()).append(" = false;\n");
    code.append(result.value()).append(" = ").append(out).append(";\n");
    return result;
  }

  /** array[i]: NULL out of bounds; the element's text converted to the element type. */
  private Value arrayElement(StringBuilder code, List<Value> args, DataType type) {
    String out = holder();
    Value text = declare(code, DataType.TEXT);
    code.append(text.isNull()).append(" = ").append(anyNull(args)).append(" || !ArrayValues.")
        .append("element(").append(args.get(0).value()).append(", (long) ")
        .append(args.get(1).value()).append(", ").append(out).append(");\n");
    code.append("if (!").append(text.isNull()).append(") ").append(text.value()).append(" = ")
        .append(out).append(";\n");
    return type.isString() ? text : cast(code, text, DataType.TEXT, type, false);
  }

  /** value = ANY(array): true on a match, NULL when none matched but an element is NULL. */
  private Value arrayContains(StringBuilder code, List<Value> args, List<DataType> argTypes) {
    Value element = argTypes.get(0).isString() ? args.get(0)
        : castToString(code, args.get(0), argTypes.get(0), DataType.TEXT, false);
    String state = name("contains");
    Value result = declare(code, DataType.BOOLEAN);
    code.append("final int ").append(state).append(" = ").append(element.isNull()).append(" || ")
        .append(args.get(1).isNull()).append(" ? -1 : ArrayValues.contains(")
        .append(args.get(1).value()).append(", ").append(element.value()).append(");\n");
    code.append(result.isNull()).append(" = ").append(state).append(" < 0;\n");
    code.append(result.value()).append(" = ").append(state).append(" > 0;\n");
    return result;
  }

  private Value lookup(Call call, StringBuilder code, Value key) {
    List<String> keys = ArrayText.parse(stringLiteral(call.argument(1)));
    List<String> values = ArrayText.parse(stringLiteral(call.argument(2)));
    boolean text = call.type().isString();
    Map<String, Object> pairs = new HashMap<>();
    for (int k = 0; k < keys.size(); k++) {
      pairs.put(keys.get(k), text ? StringValue.of(values.get(k))
          : Integer.valueOf(values.get(k)));
    }
    String map = constant(Map.copyOf(pairs), "java.util.Map");
    String found = name("found");
    Value result = declare(code, call.type());
    code.append("final Object ").append(found).append(" = ").append(key.isNull())
        .append(" ? null : ").append(map).append(".get(").append(key.value())
        .append(".toString());\n");
    code.append(result.isNull()).append(" = ").append(found).append(" == null;\n");
    code.append("if (!").append(result.isNull()).append(") ").append(result.value())
        .append(text ? " = (StringValue) " : " = ((Integer) ").append(found)
        .append(text ? ";\n" : ").intValue();\n");
    return result;
  }

  /** array_upper, array_lower, array_length (array, dimension) and cardinality (array). */
  private Value arrayBound(StringBuilder code, Call call, List<Value> args) {
    String mode = stringLiteral(call.argument(0));
    List<Value> operands = args.subList(1, args.size());
    String dimension = operands.size() > 1 ? "(long) " + operands.get(1).value() : "1L";
    String bound = name("bound");
    Value result = declare(code, call.type());
    code.append("final long ").append(bound).append(" = ").append(anyNull(operands))
        .append(" ? -1L : ArrayValues.bound(").append(operands.get(0).value()).append(", ")
        .append(dimension).append(", \"").append(mode).append("\");\n");
    code.append(result.isNull()).append(" = ").append(bound).append(" < 0;\n");
    code.append(result.value()).append(" = (int) ").append(bound).append(";\n");
    return result;
  }

  // ---------------------------------------------------------------- strings

  private Value like(Call call, List<Value> args, StringBuilder code) {
    boolean caseInsensitive = call.function() == Function.ILIKE;
    Expr pattern = call.argument(1);
    Expr escape = call.arguments().size() > 2 ? call.argument(2) : null;
    if (pattern instanceof Literal p && p.value() != null
        && (escape == null || escape instanceof Literal e && e.value() != null)) {
      LikePattern compiled = LikePattern.compile((String) p.value(),
          escape == null ? null : (String) ((Literal) escape).value(), caseInsensitive);
      String field = constant(compiled, "LikePattern");
      return strict(code, DataType.BOOLEAN, args,
          field + ".matches(" + args.get(0).value() + ")");
    }
    String cache = name("like");
    fields.append("private final LikePattern.Cache ").append(cache)
        .append(" = new LikePattern.Cache(").append(caseInsensitive).append(");\n");
    return strict(code, DataType.BOOLEAN, args, cache + ".matches(" + args.get(0).value() + ", "
        + args.get(1).value() + ", " + (args.size() > 2 ? args.get(2).value() : "null") + ")");
  }

  private Value regex(Call call, List<Value> args, StringBuilder code) {
    boolean caseInsensitive = call.function() == Function.REGEX_IMATCH;
    if (call.argument(1) instanceof Literal p && p.value() != null) {
      String field = constant(RegexPattern.compile((String) p.value(), caseInsensitive),
          "RegexPattern");
      return strict(code, DataType.BOOLEAN, args,
          field + ".matches(" + args.get(0).value() + ")");
    }
    String cache = name("regex");
    fields.append("private final RegexPattern.Cache ").append(cache)
        .append(" = new RegexPattern.Cache(").append(caseInsensitive).append(");\n");
    return strict(code, DataType.BOOLEAN, args, cache + ".matches(" + args.get(0).value() + ", "
        + args.get(1).value() + ")");
  }

  // ---------------------------------------------------------------- dates

  private static String unit(Call call) {
    DateFunctions.Unit unit = DateFunctions.Unit.parse(stringLiteral(call.argument(0)));
    return "DateFunctions.Unit." + unit.name();
  }

  private static String extract(Call call, String v) {
    DataType from = call.argument(1).type();
    String unit = unit(call);
    if (call.function() == Function.DATE_PART) {
      String value = from.id() == TypeId.DATE
          ? "((double) DateFunctions.extractFromDate(" + v + ", " + unit + "))"
          : "DateFunctions.partFromTimestamp(" + v + ", " + unit + ")";
      return convertOrFail(value, DataType.DOUBLE, call.type());
    }
    String value = from.id() == TypeId.DATE
        ? "DateFunctions.extractFromDate(" + v + ", " + unit + ")"
        : "DateFunctions.extractFromTimestamp(" + v + ", " + unit + ")";
    return convertOrFail(value, DataType.BIGINT, call.type());
  }

  private static String dateTrunc(Call call, String v) {
    DataType from = call.argument(1).type();
    String unit = unit(call);
    if (call.type().id() == TypeId.DATE) {
      return "DateFunctions.truncDate(" + convertOrFail(v, from, DataType.DATE) + ", " + unit
          + ")";
    }
    return "DateFunctions.truncTimestamp(" + convertOrFail(v, from, DataType.TIMESTAMP) + ", "
        + unit + ")";
  }
}
