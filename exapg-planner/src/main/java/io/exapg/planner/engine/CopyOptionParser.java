package io.exapg.planner.engine;

import io.exapg.core.copy.CopyOptions;
import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.planner.parser.SqlCopyOption;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Turns COPY's options, as written, into {@link CopyOptions}, with PostgreSQL's checks. */
final class CopyOptionParser {
  private CopyOptionParser() {
  }

  /**
   * @param columns the names of the columns COPY reads or writes, in order
   * @param from true for COPY FROM, false for COPY TO
   */
  static CopyOptions parse(List<SqlCopyOption> options, List<String> columns, boolean from) {
    Set<String> seen = new HashSet<>();
    String format = "text";
    String delimiter = null;
    String nullMarker = null;
    CopyOptions.Header header = CopyOptions.Header.NONE;
    String quote = null;
    String escape = null;
    boolean[] forceNotNull = new boolean[columns.size()];
    boolean[] forceNull = new boolean[columns.size()];
    boolean[] forceQuote = new boolean[columns.size()];
    for (SqlCopyOption option : options) {
      String name = option.name();
      if (!seen.add(name)) {
        throw new ExaException(SqlState.SYNTAX_ERROR, "conflicting or redundant options");
      }
      switch (name) {
        case "format" -> format = value(option).toLowerCase(Locale.ROOT);
        case "csv" -> format = "csv";
        case "binary" -> format = "binary";
        case "text" -> format = "text";
        case "delimiter" -> delimiter = value(option);
        case "null" -> nullMarker = value(option);
        case "header" -> header = header(option.value(), from);
        case "quote" -> quote = value(option);
        case "escape" -> escape = value(option);
        case "force_not_null" -> columns(option, columns, forceNotNull, "FORCE_NOT_NULL");
        case "force_null" -> columns(option, columns, forceNull, "FORCE_NULL");
        case "force_quote" -> columns(option, columns, forceQuote, "FORCE_QUOTE");
        case "encoding" -> {
          String encoding = value(option).replace("-", "").replace("_", "")
              .toUpperCase(Locale.ROOT);
          if (!encoding.equals("UTF8") && !encoding.equals("UNICODE")) {
            throw ExaException.notSupported("COPY with encoding " + option.value()
                + " (only UTF8)");
          }
        }
        case "freeze" -> {
          // A loading hint for PostgreSQL's heap; ExaPG writes new segments anyway.
        }
        default -> throw new ExaException(SqlState.SYNTAX_ERROR,
            "option \"" + name + "\" not recognized");
      }
    }
    if (format.equals("binary")) {
      throw ExaException.notSupported("COPY in binary format");
    }
    if (!format.equals("text") && !format.equals("csv")) {
      throw new ExaException(SqlState.INVALID_PARAMETER_VALUE,
          "COPY format \"" + format + "\" not recognized");
    }
    boolean csv = format.equals("csv");
    byte delimiterByte = oneByte(delimiter, csv ? "," : "\t", "COPY delimiter");
    if (delimiterByte == '\r' || delimiterByte == '\n') {
      throw new ExaException(SqlState.INVALID_PARAMETER_VALUE,
          "COPY delimiter cannot be newline or carriage return");
    }
    if (!csv && (quote != null || escape != null)) {
      throw ExaException.notSupported("COPY " + (quote != null ? "quote" : "escape")
          + " outside CSV mode");
    }
    for (int c = 0; c < columns.size(); c++) {
      if (!csv && (forceNotNull[c] || forceNull[c] || forceQuote[c])) {
        throw ExaException.notSupported("COPY force options outside CSV mode");
      }
      if (from && forceQuote[c] || !from && (forceNotNull[c] || forceNull[c])) {
        throw ExaException.notSupported("COPY " + (from ? "force quote" : "force null")
            + " only available using COPY " + (from ? "TO" : "FROM"));
      }
    }
    byte quoteByte = oneByte(quote, "\"", "COPY quote");
    byte escapeByte = oneByte(escape, String.valueOf((char) quoteByte), "COPY escape");
    String marker = nullMarker != null ? nullMarker : csv ? "" : "\\N";
    if (marker.indexOf(delimiterByte) >= 0) {
      throw new ExaException(SqlState.INVALID_PARAMETER_VALUE,
          "COPY delimiter must not appear in the NULL specification");
    }
    if (csv && delimiterByte == quoteByte) {
      throw new ExaException(SqlState.INVALID_PARAMETER_VALUE,
          "COPY delimiter and quote must be different");
    }
    return new CopyOptions(csv ? CopyOptions.Format.CSV : CopyOptions.Format.TEXT,
        delimiterByte, marker.getBytes(StandardCharsets.UTF_8), header, quoteByte, escapeByte,
        forceNotNull, forceNull, forceQuote);
  }

  private static String value(SqlCopyOption option) {
    if (option.value() == null) {
      throw new ExaException(SqlState.SYNTAX_ERROR, option.name() + " requires a parameter");
    }
    return option.value();
  }

  private static CopyOptions.Header header(String value, boolean from) {
    if (value == null) {
      return CopyOptions.Header.PRESENT;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "on", "1" -> CopyOptions.Header.PRESENT;
      case "false", "off", "0" -> CopyOptions.Header.NONE;
      case "match" -> {
        if (!from) {
          throw new ExaException(SqlState.FEATURE_NOT_SUPPORTED,
              "cannot use \"match\" with HEADER in COPY TO");
        }
        yield CopyOptions.Header.MATCH;
      }
      default -> throw new ExaException(SqlState.SYNTAX_ERROR,
          "header requires a Boolean value or \"match\"");
    };
  }

  private static void columns(SqlCopyOption option, List<String> columns, boolean[] flags,
      String optionName) {
    if (option.allColumns()) {
      Arrays.fill(flags, true);
      return;
    }
    for (String column : option.columns()) {
      int index = columns.indexOf(column);
      if (index < 0) {
        throw new ExaException(SqlState.INVALID_COLUMN_REFERENCE,
            optionName + " column \"" + column + "\" not referenced by COPY");
      }
      flags[index] = true;
    }
  }

  private static byte oneByte(String value, String fallback, String what) {
    String text = value != null ? value : fallback;
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length != 1) {
      throw ExaException.notSupported(what + " other than a single one-byte character");
    }
    return bytes[0];
  }
}
