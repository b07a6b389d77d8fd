package io.exapg.core.copy;

/**
 * How COPY data is laid out, with PostgreSQL's options resolved against the statement's
 * columns. Text format: fields separated by the delimiter, backslash escapes, NULL as \N.
 * CSV: quoted fields may hold delimiters, quotes (escaped) and line breaks; NULL as an unquoted
 * empty field.
 *
 * @param nullMarker the text that stands for NULL, compared before any unescaping
 * @param forceNotNull per column: an empty or null-looking field is a value, never NULL (CSV)
 * @param forceNull per column: a quoted field equal to the null marker is NULL too (CSV)
 * @param forceQuote per column: always quote non-null values when writing (CSV)
 */
public record CopyOptions(Format format, byte delimiter, byte[] nullMarker, Header header,
    byte quote, byte escape, boolean[] forceNotNull, boolean[] forceNull,
    boolean[] forceQuote) {

  /** The data layouts COPY knows. */
  public enum Format {
    TEXT,
    CSV
  }

  /** Whether the data's first line is a header. */
  public enum Header {
    NONE,
    /** Skip the first line when reading; write the column names when writing. */
    PRESENT,
    /** Skip the first line after checking it names the columns in order. */
    MATCH
  }

  public boolean csv() {
    return format == Format.CSV;
  }
}
