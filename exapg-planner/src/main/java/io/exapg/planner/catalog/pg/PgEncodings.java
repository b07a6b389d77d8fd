package io.exapg.planner.catalog.pg;

/** PostgreSQL's encoding numbers; ExaPG stores and speaks UTF-8 only. */
public final class PgEncodings {
  public static final int UTF8 = 6;

  private PgEncodings() {
  }

  /** pg_encoding_to_char: the name of an encoding number, "" for unknown ones. */
  public static String name(int encoding) {
    return switch (encoding) {
      case 0 -> "SQL_ASCII";
      case UTF8 -> "UTF8";
      default -> "";
    };
  }
}
