package io.exapg.planner.parser;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.planner.parser.impl.ExaSqlParserImpl;
import io.exapg.planner.parser.impl.ParseException;
import io.exapg.planner.parser.impl.Token;
import io.exapg.planner.validate.ExaConformance;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;

/** Parses one statement with ExaPG's grammar and PostgreSQL's identifier rules. */
public final class ExaParser {
  public static final SqlParser.Config CONFIG = SqlParser.config()
      .withParserFactory(ExaSqlParserImpl.FACTORY)
      .withQuoting(Quoting.DOUBLE_QUOTE)
      .withUnquotedCasing(Casing.TO_LOWER)
      .withQuotedCasing(Casing.UNCHANGED)
      .withCaseSensitive(true)
      .withIdentifierMaxLength(1024)
      .withConformance(ExaConformance.INSTANCE);

  /** ALTER TABLE and ALTER VIEW forms other than those ExaPG has, by their first word. */
  private static final Pattern OTHER_ALTER_TABLE = Pattern.compile(
      "\\s*ALTER\\s+(TABLE|VIEW)\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?[\\w.\"]+\\s+"
          + "(RENAME|OWNER|SET|RESET|ENABLE|DISABLE|ATTACH|DETACH|VALIDATE|CLUSTER"
          + "|INHERIT|NO|REPLICA|OF|NOT|FORCE|DROP\\s+CONSTRAINT)\\b",
      Pattern.CASE_INSENSITIVE);

  /** Kinds of object PostgreSQL creates, alters and drops that ExaPG does not have. */
  private static final String OTHER_OBJECT_KINDS = "ACCESS\\s+METHOD|AGGREGATE|CAST|COLLATION"
      + "|CONVERSION|DATABASE|DOMAIN|EVENT\\s+TRIGGER|EXTENSION|FOREIGN\\s+DATA\\s+WRAPPER"
      + "|FOREIGN\\s+TABLE|FUNCTION|LANGUAGE|MATERIALIZED\\s+VIEW|OPERATOR|POLICY|PROCEDURE"
      + "|PUBLICATION|RULE|SEQUENCE|SERVER|STATISTICS|SUBSCRIPTION|TABLESPACE|TEXT\\s+SEARCH"
      + "|TRANSFORM|TRIGGER|TYPE|USER\\s+MAPPING";

  /**
   * PostgreSQL statements ExaPG does not have, by their leading words: failing to parse one
   * of these is 0A000, not a syntax error.
   */
  private static final Pattern OTHER_STATEMENT = Pattern.compile("\\s*("
      + "CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:(?:TEMP|TEMPORARY|UNLOGGED|TRUSTED|PROCEDURAL"
      + "|CONSTRAINT|DEFAULT)\\s+)*(?:" + OTHER_OBJECT_KINDS + ")"
      + "|CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:TEMP|TEMPORARY|RECURSIVE)\\s+VIEW"
      + "|ALTER\\s+(?:" + OTHER_OBJECT_KINDS + "|DEFAULT\\s+PRIVILEGES|INDEX|LARGE\\s+OBJECT|ROUTINE"
      + "|SCHEMA\\s+\\S+\\s+(?!OWNER\\b)\\w+|SYSTEM)"
      + "|ALTER\\s+(?:ROLE|USER|GROUP)\\s+\\S+\\s+(?:SET|RESET|RENAME)"
      + "|DROP\\s+(?:" + OTHER_OBJECT_KINDS + "|OWNED|ROUTINE)"
      + "|CLUSTER|DEALLOCATE|DO|EXECUTE|IMPORT\\s+FOREIGN\\s+SCHEMA|LISTEN|LOAD|LOCK|NOTIFY"
      + "|PREPARE(?:\\s+TRANSACTION)?|REASSIGN\\s+OWNED|REFRESH\\s+MATERIALIZED\\s+VIEW|REINDEX"
      + "|ROLLBACK\\s+PREPARED"
      + "|COMMIT\\s+PREPARED"
      + "|SECURITY\\s+LABEL|SET\\s+CONSTRAINTS|SET\\s+SESSION\\s+AUTHORIZATION|UNLISTEN"
      + ")\\b", Pattern.CASE_INSENSITIVE);

  /** Parses again after rewriting one spot (keyword labels, FROM, position's argument). */
  private static final int MAX_RETRIES = 16;

  private ExaParser() {
  }

  /** Parses a statement; syntax errors carry their 1-based position in the whole string. */
  public static SqlNode parse(StatementSplitter.Piece piece) {
    String text = piece.text();
    SqlParseException beforeStructural = null;
    for (int attempt = 0; ; attempt++) {
      try {
        return SqlParser.create(text, CONFIG).parseStmt();
      } catch (SqlParseException e) {
        String retry = attempt < MAX_RETRIES ? withKeywordLabelQuoted(text, e) : null;
        if (retry == null && attempt < MAX_RETRIES) {
          retry = withEmptyFrom(text, e);
          if (retry == null) {
            retry = withPositionArgumentWrapped(text, e);
          }
          if (retry != null && beforeStructural == null) {
            beforeStructural = e;
          }
        }
        if (retry == null) {
          // an error left after rewriting the statement's structure is reported as the
          // error that made us rewrite it, where the statement as written has it
          throw failure(beforeStructural != null ? beforeStructural : e, piece);
        }
        text = retry;
      }
    }
  }

  /**
   * PostgreSQL allows WHERE, GROUP BY and HAVING in a SELECT without FROM ("INSERT INTO t
   * SELECT 1 WHERE NOT EXISTS (...)"), Calcite not: when parsing stops at one of them and the
   * nearest SELECT or FROM before it, at the same depth of parentheses, is a SELECT, the
   * statement is parsed again with a FROM of one row of no interest put before it. Null when
   * the error is another one.
   */
  private static String withEmptyFrom(String text, SqlParseException e) {
    int offset = errorOffset(text, e);
    if (offset < 0) {
      return null;
    }
    String word = wordAt(text, offset);
    if (!word.equalsIgnoreCase("WHERE") && !word.equalsIgnoreCase("GROUP")
        && !word.equalsIgnoreCase("HAVING")) {
      return null;
    }
    int depth = 0;
    for (int i = offset - 1; i >= 0; i--) {
      char c = text.charAt(i);
      if (c == ')') {
        depth++;
      } else if (c == '(') {
        depth--;
      } else if (depth == 0 && Character.isLetter(c)
          && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))) {
        String before = wordAt(text, i);
        if (before.equalsIgnoreCase("FROM") || before.equalsIgnoreCase("SELECT")) {
          return before.equalsIgnoreCase("SELECT") ? text.substring(0, offset)
              + " FROM (VALUES (0)) AS \"?no from?\"(\"?no from?\") " + text.substring(offset)
              : null;
        }
      }
      if (depth < 0) {
        return null;
      }
    }
    return null;
  }

  /**
   * PostgreSQL takes any expression before the IN of position(a IN b), Calcite only an atom
   * ("position('x'::bytea IN b)" stops at "::"): when parsing stops inside that argument, the
   * statement is parsed again with it wrapped in coalesce(...), which Calcite takes and which
   * is the argument unchanged. Null when the error is another one.
   */
  private static String withPositionArgumentWrapped(String text, SqlParseException e) {
    int offset = errorOffset(text, e);
    if (offset < 0) {
      return null;
    }
    int depth = 0;
    int open = -1;
    for (int i = Math.min(offset, text.length()) - 1; i >= 0 && open < 0; i--) {
      char c = text.charAt(i);
      if (c == ')') {
        depth++;
      } else if (c == '(' && depth-- == 0) {
        open = i;
      }
    }
    if (open < 0) {
      return null;
    }
    String before = text.substring(0, open).stripTrailing();
    if (!before.regionMatches(true, before.length() - 8, "position", 0, 8)
        || before.length() > 8 && (Character.isLetterOrDigit(before.charAt(before.length() - 9))
            || before.charAt(before.length() - 9) == '_')) {
      return null;
    }
    int in = topLevelIn(text, open + 1);
    if (in < 0 || offset >= in) {
      return null;
    }
    return text.substring(0, open + 1) + "coalesce(" + text.substring(open + 1, in).strip()
        + ") " + text.substring(in);
  }

  /**
   * Where the word IN stands at the parenthesis depth of the start, outside string literals
   * and quoted names; -1 when the enclosing parenthesis closes first.
   */
  private static int topLevelIn(String text, int start) {
    int depth = 0;
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\'' || c == '"') {
        int close = text.indexOf(c, i + 1);
        while (close >= 0 && close + 1 < text.length() && text.charAt(close + 1) == c) {
          close = text.indexOf(c, close + 2);
        }
        if (close < 0) {
          return -1;
        }
        i = close;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && depth-- == 0) {
        return -1;
      } else if (depth == 0 && (c == 'i' || c == 'I') && text.regionMatches(true, i, "in", 0, 2)
          && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))
          && (i + 2 >= text.length() || !Character.isLetterOrDigit(text.charAt(i + 2))
              && text.charAt(i + 2) != '_')) {
        return i;
      }
    }
    return -1;
  }

  /** Where parsing stopped, as a 0-based offset; -1 when the error does not say. */
  private static int errorOffset(String text, SqlParseException e) {
    if (e.getCause() instanceof ParseException parse && parse.currentToken != null
        && parse.currentToken.next != null) {
      return offsetOf(text, parse.currentToken.next.beginLine,
          parse.currentToken.next.beginColumn);
    }
    if (e.getPos() != null && e.getPos().getLineNum() > 0) {
      return offsetOf(text, e.getPos().getLineNum(), e.getPos().getColumnNum());
    }
    return -1;
  }

  /**
   * PostgreSQL takes any keyword as a column label after AS ("... ) AS DEFAULT"), Calcite
   * only identifiers: when parsing stops at a keyword right after AS, the statement is parsed
   * again with that word quoted, in lower case as PostgreSQL folds it. Likewise for the
   * function unnest where Calcite only knows the UNNEST of FROM. Null when the error is
   * another one.
   */
  private static String withKeywordLabelQuoted(String text, SqlParseException e) {
    int offset = errorOffset(text, e);
    if (offset < 0) {
      return null;
    }
    if (text.startsWith(".", offset)) {
      offset++;
    }
    String word = wordAt(text, offset);
    if (word.equalsIgnoreCase("unnest") && text.startsWith(word, offset)
        && text.substring(offset + word.length()).stripLeading().startsWith("(")) {
      // unnest(...) outside FROM, or as pg_catalog.unnest: the function, by its quoted name
      return text.substring(0, offset) + "\"unnest\"" + text.substring(offset + word.length());
    }
    String before = text.substring(0, offset).stripTrailing();
    if (!word.matches("[A-Za-z_]+") || !text.startsWith(word, offset)
        || !before.regionMatches(true, before.length() - 2, "AS", 0, 2)
        || (before.length() > 2 && Character.isLetterOrDigit(before.charAt(before.length() - 3)))) {
      return null;
    }
    return text.substring(0, offset) + '"' + word.toLowerCase(Locale.ROOT) + '"'
        + text.substring(offset + word.length());
  }

  private static ExaException failure(SqlParseException e, StatementSplitter.Piece piece) {
    Matcher alter = OTHER_ALTER_TABLE.matcher(piece.text());
    if (alter.lookingAt()) {
      String statement = "ALTER " + alter.group(1).toUpperCase(Locale.ROOT);
      return new ExaException(SqlState.FEATURE_NOT_SUPPORTED, statement + " ... "
          + alter.group(2).toUpperCase(Locale.ROOT).replaceAll("\\s+", " ")
          + " is not supported yet; " + statement + " supports "
          + (statement.equals("ALTER TABLE") ? "PARTITION BY, DISTRIBUTE BY, DROP PARTITION"
              + " KEYS, DROP DISTRIBUTION KEYS, ADD COLUMN, DROP COLUMN, ALTER COLUMN, " : "")
          + "RENAME TO, RENAME COLUMN and OWNER TO");
    }
    ExaException clause = unsupportedClause(piece.text(), errorOffset(piece.text(), e));
    if (clause != null) {
      return clause;
    }
    Matcher other = OTHER_STATEMENT.matcher(piece.text());
    if (other.lookingAt()) {
      String[] words = other.group(1).toUpperCase(Locale.ROOT).split("\\s+");
      // ALTER ROLE name SET, ALTER SCHEMA name RENAME: the statement, not the object's name
      boolean role = words.length == 4 && words[0].equals("ALTER")
          && List.of("ROLE", "USER", "GROUP", "SCHEMA").contains(words[1]);
      return ExaException.notSupported(role ? words[0] + " " + words[1] + " ... " + words[3]
          : String.join(" ", words));
    }
    return syntaxError(e, piece);
  }

  /**
   * A clause of PostgreSQL's that ExaPG does not have, when parsing stopped at its first word:
   * RETURNING, INSERT ... ON CONFLICT, SELECT ... INTO a new table; null otherwise.
   */
  private static ExaException unsupportedClause(String text, int offset) {
    if (offset < 0) {
      return null;
    }
    String word = wordAt(text, offset).toUpperCase(Locale.ROOT);
    String statement = wordAt(text, 0).toUpperCase(Locale.ROOT);
    String rest = text.substring(offset).stripLeading();
    boolean writes = List.of("INSERT", "UPDATE", "DELETE", "WITH").contains(statement);
    String before = text.substring(0, offset).stripTrailing();
    // DELETE FROM t RETURNING x: Calcite takes RETURNING for t's alias and stops after it
    boolean afterReturning = before.length() >= 9
        && before.regionMatches(true, before.length() - 9, "RETURNING", 0, 9);
    if ((word.equals("RETURNING") || afterReturning) && writes) {
      return ExaException.notSupported(statement + " ... RETURNING");
    }
    if (word.equals("ON") && statement.equals("INSERT")
        && rest.regionMatches(true, 2, " CONFLICT", 0, 9)) {
      return ExaException.notSupported("INSERT ... ON CONFLICT");
    }
    if (word.equals("INTO") && (statement.equals("SELECT") || statement.equals("WITH"))) {
      return new ExaException(SqlState.FEATURE_NOT_SUPPORTED,
          "SELECT ... INTO is not supported yet", 0, null,
          "CREATE TABLE name AS SELECT ... creates a table from a query.", null);
    }
    return null;
  }

  private static ExaException syntaxError(SqlParseException e, StatementSplitter.Piece piece) {
    String message = "syntax error";
    int offset = -1;
    if (e.getCause() instanceof ParseException parse && parse.currentToken != null) {
      Token next = parse.currentToken.next;
      if (next == null || next.kind == 0) {
        message = "syntax error at end of input";
        offset = piece.text().stripTrailing().length();
      } else {
        message = "syntax error at or near \"" + next.image + "\"";
        offset = offsetOf(piece.text(), next.beginLine, next.beginColumn);
      }
    } else {
      SqlParserPos pos = e.getPos();
      if (pos != null && pos.getLineNum() > 0) {
        offset = offsetOf(piece.text(), pos.getLineNum(), pos.getColumnNum());
      }
      String word = wordAt(piece.text(), Math.max(offset, 0));
      message = word.isEmpty() ? "syntax error at end of input"
          : "syntax error at or near \"" + word + "\"";
    }
    int position = offset < 0 ? 0 : piece.offset() + offset + 1;
    return new ExaException(SqlState.SYNTAX_ERROR, message, position, null, null, e);
  }

  /** The token starting at an offset: a word, or a single other character. */
  private static String wordAt(String text, int offset) {
    int start = offset;
    while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    int end = start;
    while (end < text.length()
        && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
      end++;
    }
    if (end == start && start < text.length()) {
      end = start + 1;
    }
    return text.substring(start, end);
  }

  /** The text a node of a parsed statement was written as, by its parser position. */
  public static String sourceText(StatementSplitter.Piece piece, SqlNode node) {
    SqlParserPos pos = node.getParserPosition();
    String text = piece.text();
    int start = offsetOf(text, pos.getLineNum(), pos.getColumnNum());
    int end = Math.min(text.length(),
        offsetOf(text, pos.getEndLineNum(), pos.getEndColumnNum()) + 1);
    return text.substring(start, Math.max(start, end)).strip();
  }

  /** 0-based character offset of a 1-based line and column. */
  private static int offsetOf(String text, int line, int column) {
    int offset = 0;
    for (int l = 1; l < line; l++) {
      int newline = text.indexOf('\n', offset);
      if (newline < 0) {
        return Math.min(text.length(), offset + column - 1);
      }
      offset = newline + 1;
    }
    return Math.min(text.length(), offset + column - 1);
  }
}
