package io.exapg.planner.parser;

/** SQL identifiers written back as text: in generated statements, settings and definitions. */
public final class Identifiers {
  private Identifiers() {
  }

  /** In double quotes, with inner quotes doubled: reads back as exactly this name. */
  public static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /** Quoted only when it would not read back the same unquoted, as PostgreSQL prints names. */
  public static String quoteIfNeeded(String identifier) {
    return identifier.matches("[a-z_][a-z0-9_]*") ? identifier : quote(identifier);
  }
}
