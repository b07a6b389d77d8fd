package io.exapg.core.expr.runtime;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A regular expression for PostgreSQL's "~" and "~*" operators: true when the pattern matches
 * anywhere in the value. Java's syntax agrees with PostgreSQL's advanced regular expressions
 * for the common constructs (anchors, classes, quantifiers, groups, alternation).
 */
public final class RegexPattern {
  private final Matcher matcher;

  private RegexPattern(Pattern pattern) {
    this.matcher = pattern.matcher("");
  }

  public static RegexPattern compile(String pattern, boolean caseInsensitive) {
    try {
      return new RegexPattern(Pattern.compile(pattern, caseInsensitive
          ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0));
    } catch (PatternSyntaxException e) {
      throw new ExaException(SqlState.INVALID_REGULAR_EXPRESSION,
          "invalid regular expression: " + e.getDescription());
    }
  }

  public boolean matches(StringValue value) {
    return matcher.reset(value.toString()).find();
  }

  /** Matching with a pattern that changes per row keeps the last compiled pattern. */
  public static final class Cache {
    private final boolean caseInsensitive;
    private String lastPattern;
    private RegexPattern compiled;

    public Cache(boolean caseInsensitive) {
      this.caseInsensitive = caseInsensitive;
    }

    public boolean matches(StringValue value, StringValue pattern) {
      String p = pattern.toString();
      if (compiled == null || !p.equals(lastPattern)) {
        compiled = compile(p, caseInsensitive);
        lastPattern = p;
      }
      return compiled.matches(value);
    }
  }
}
