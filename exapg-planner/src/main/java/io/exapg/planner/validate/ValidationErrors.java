package io.exapg.planner.validate;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.runtime.CalciteContextException;

/**
 * Turns Calcite's validation errors into PostgreSQL's SQLSTATEs and wording, with the
 * position of the offending text.
 */
public final class ValidationErrors {
  /** A Calcite message pattern and how to say it as PostgreSQL does. */
  private record Rule(Pattern pattern, SqlState state, String format) {
  }

  /** Calcite's message for the first part of a qualified name that names no schema. */
  private static final Pattern MISSING_SCHEMA = Pattern.compile("Object '([^']*)' not found");

  private static final List<Rule> RULES = List.of(
      rule("String literal continued on same line.*", SqlState.SYNTAX_ERROR,
          "syntax error: string literals are joined only across a line break"),
      rule("Object '([^']*)' not found within '([^']*)'.*", SqlState.UNDEFINED_TABLE,
          "relation \"%2$s.%1$s\" does not exist"),
      rule("Object '([^']*)' not found.*", SqlState.UNDEFINED_TABLE,
          "relation \"%s\" does not exist"),
      rule("Table '([^']*)' not found.*", SqlState.UNDEFINED_TABLE,
          "relation \"%s\" does not exist"),
      rule("Column '([^']*)' not found in any table.*", SqlState.UNDEFINED_COLUMN,
          "column \"%s\" does not exist"),
      rule("Column '([^']*)' not found in table '([^']*)'.*", SqlState.UNDEFINED_COLUMN,
          "column %2$s.%1$s does not exist"),
      rule("Unknown target column '([^']*)'.*", SqlState.UNDEFINED_COLUMN,
          "column \"%s\" of relation does not exist"),
      rule("Column '([^']*)' is ambiguous.*", SqlState.AMBIGUOUS_COLUMN,
          "column reference \"%s\" is ambiguous"),
      rule("No match found for function signature ([^(]*)\\((.*)\\).*",
          SqlState.UNDEFINED_FUNCTION, "function %s(%s) does not exist"),
      rule("Cannot apply '([^']*)' to arguments of type '(.*)'\\..*",
          SqlState.UNDEFINED_FUNCTION, "operator or function %s does not exist for %s"),
      rule("Expression '([^']*)' is not being grouped.*", SqlState.GROUPING_ERROR,
          "column \"%s\" must appear in the GROUP BY clause or be used in an aggregate"
              + " function"),
      rule("Aggregate expressions cannot be nested.*", SqlState.GROUPING_ERROR,
          "aggregate function calls cannot be nested"),
      rule("Aggregate expression is illegal in (.*)", SqlState.GROUPING_ERROR,
          "aggregate functions are not allowed in %s"),
      rule("Cannot assign to target field '([^']*)' of type (.*) from source field"
          + " '[^']*' of type (.*)", SqlState.DATATYPE_MISMATCH,
          "column \"%s\" is of type %s but expression is of type %s"),
      rule("Number of INSERT target columns \\((\\d+)\\) does not equal number of source"
          + " items \\((\\d+)\\).*", SqlState.SYNTAX_ERROR,
          "INSERT has %s target columns but %s expressions"),
      rule("Column '([^']*)' has no default value and does not allow NULLs.*",
          SqlState.NOT_NULL_VIOLATION, "null value in column \"%s\" violates not-null"
              + " constraint"),
      rule("Illegal use of dynamic parameter.*", SqlState.UNDEFINED_PARAMETER,
          "could not determine data type of parameter"),
      rule("Unknown identifier '([^']*)'.*", SqlState.UNDEFINED_OBJECT,
          "type \"%s\" does not exist"),
      rule("Type '([^']*)' not found.*", SqlState.UNDEFINED_OBJECT, "type \"%s\" does not exist"),
      rule("Values passed to (.*) operator must have compatible types.*",
          SqlState.DATATYPE_MISMATCH, "%s types cannot be matched"),
      rule("Type mismatch in column (\\d+) of (.*)", SqlState.DATATYPE_MISMATCH,
          "%2$s types in column %1$s cannot be matched"),
      rule("Column count mismatch in (.*)", SqlState.SYNTAX_ERROR,
          "each %s query must have the same number of columns"),
      rule("Duplicate relation name '([^']*)' in FROM clause.*", SqlState.DUPLICATE_TABLE,
          "table name \"%s\" specified more than once"),
      rule("Cast function cannot convert value of type (.*) to type (.*)",
          SqlState.CANNOT_COERCE, "cannot cast type %s to %s"),
      rule("Invalid number of arguments to function '([^']*)'.*", SqlState.UNDEFINED_FUNCTION,
          "function %s with this number of arguments does not exist"),
      rule("Select list may not contain \\*.*|SELECT \\* requires a FROM clause",
          SqlState.SYNTAX_ERROR, "SELECT * with no tables specified is not valid"),
      rule("(.*) is not a valid time frame.*|'(.*)' is not a valid time frame",
          SqlState.INVALID_PARAMETER_VALUE, "unit \"%s\" not recognized"),
      rule("Cannot apply (.*) to the two different charsets.*", SqlState.DATATYPE_MISMATCH,
          "cannot apply %s to different character sets"),
      rule("(.*) is not allowed in GROUP BY.*", SqlState.GROUPING_ERROR,
          "%s is not allowed in GROUP BY"),
      rule("Ordinal out of range.*", SqlState.INVALID_COLUMN_REFERENCE,
          "ORDER BY or GROUP BY position is not in select list"),
      rule("Window '([^']*)' not found.*", SqlState.UNDEFINED_OBJECT,
          "window \"%s\" does not exist"),
      rule("Numeric literal '([^']*)' out of range.*", SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
          "numeric literal %s is out of range: at most 18 digits are supported"));

  private ValidationErrors() {
  }

  private static Rule rule(String regex, SqlState state, String format) {
    return new Rule(Pattern.compile(regex, Pattern.DOTALL), state, format);
  }

  /**
   * The error to report for a validation failure.
   *
   * @param statementText the statement, to compute the position
   * @param statementOffset where the statement starts in the query string
   */
  public static ExaException translate(Throwable error, String statementText,
      int statementOffset) {
    if (error instanceof ExaException e) {
      return e;
    }
    Throwable cause = error;
    while (cause.getCause() != null && !(cause instanceof CalciteContextException)
        && cause.getCause() != cause) {
      if (cause.getCause() instanceof ExaException e) {
        return e;
      }
      cause = cause.getCause();
    }
    int position = 0;
    String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
    if (cause instanceof CalciteContextException context) {
      if (context.getPosLine() > 0) {
        position = statementOffset + offsetOf(statementText, context.getPosLine(),
            context.getPosColumn()) + 1;
      }
      message = context.getCause() != null && context.getCause().getMessage() != null
          ? context.getCause().getMessage() : message;
    }
    Matcher missingSchema = MISSING_SCHEMA.matcher(message);
    if (missingSchema.matches() && position > 0) {
      String name = qualifiedNameAt(statementText, position - 1 - statementOffset);
      if (name.startsWith(missingSchema.group(1) + ".")) {
        return new ExaException(SqlState.UNDEFINED_TABLE,
            "relation \"" + name + "\" does not exist", position, null, null, error);
      }
    }
    for (Rule rule : RULES) {
      Matcher matcher = rule.pattern().matcher(message);
      if (matcher.matches()) {
        Object[] groups = new Object[matcher.groupCount()];
        for (int g = 0; g < groups.length; g++) {
          String text = matcher.group(g + 1);
          groups[g] = text == null ? "" : text;
        }
        return new ExaException(rule.state(), String.format(rule.format(), groups), position,
            null, null, error);
      }
    }
    return new ExaException(SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION, message, position,
        null, null, error);
  }

  /** The dotted name written at an offset of the statement ("sales.orders"). */
  private static String qualifiedNameAt(String text, int offset) {
    int end = offset;
    while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end))
        || text.charAt(end) == '_' || text.charAt(end) == '.' || text.charAt(end) == '$')) {
      end++;
    }
    return offset < 0 || offset > end ? "" : text.substring(offset, end);
  }

  private static int offsetOf(String text, int line, int column) {
    int offset = 0;
    for (int l = 1; l < line; l++) {
      int newline = text.indexOf('\n', offset);
      if (newline < 0) {
        break;
      }
      offset = newline + 1;
    }
    return Math.min(text.length(), offset + column - 1);
  }
}
