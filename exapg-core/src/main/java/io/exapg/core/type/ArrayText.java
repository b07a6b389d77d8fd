package io.exapg.core.type;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's text form of one-dimensional arrays ("{1,NULL,"a b"}"), which is also how
 * ExaPG holds array values: elements are canonical texts of the element type, quoted where
 * PostgreSQL quotes them, so that equal arrays have equal bytes.
 */
public final class ArrayText {
  private ArrayText() {
  }

  /** The elements of an array's text, null for NULL elements. */
  public static List<String> parse(String text) {
    List<String> elements = new ArrayList<>();
    int n = text.length();
    int i = skipSpace(text, 0);
    if (i < n && text.charAt(i) == '[') {
      throw new ExaException(SqlState.FEATURE_NOT_SUPPORTED,
          "array bounds other than the default are not supported yet");
    }
    if (i >= n || text.charAt(i) != '{') {
      throw malformed(text, "Array value must start with \"{\" or dimension information.");
    }
    i = skipSpace(text, i + 1);
    if (i < n && text.charAt(i) == '}') {
      if (skipSpace(text, i + 1) != n) {
        throw malformed(text, "Junk after closing right brace.");
      }
      return elements;
    }
    while (true) {
      if (i >= n) {
        throw malformed(text, "Unexpected end of input.");
      }
      char c = text.charAt(i);
      if (c == '{') {
        throw new ExaException(SqlState.FEATURE_NOT_SUPPORTED,
            "multidimensional arrays are not supported yet");
      }
      StringBuilder element = new StringBuilder();
      boolean quoted = false;
      if (c == '"') {
        quoted = true;
        i++;
        while (true) {
          if (i >= n) {
            throw malformed(text, "Unexpected end of input.");
          }
          c = text.charAt(i++);
          if (c == '"') {
            break;
          }
          if (c == '\\') {
            if (i >= n) {
              throw malformed(text, "Unexpected end of input.");
            }
            c = text.charAt(i++);
          }
          element.append(c);
        }
        i = skipSpace(text, i);
      } else {
        int lastSignificant = 0;
        while (i < n && text.charAt(i) != ',' && text.charAt(i) != '}') {
          c = text.charAt(i++);
          if (c == '"' || c == '{') {
            throw malformed(text, "Unexpected \"" + c + "\" character.");
          }
          if (c == '\\') {
            if (i >= n) {
              throw malformed(text, "Unexpected end of input.");
            }
            element.append(text.charAt(i++));
            lastSignificant = element.length();
          } else {
            element.append(c);
            if (!Character.isWhitespace(c)) {
              lastSignificant = element.length();
            }
          }
        }
        element.setLength(lastSignificant);
        String leading = element.toString().stripLeading();
        element.setLength(0);
        element.append(leading);
        if (element.isEmpty()) {
          throw malformed(text, "Unexpected \"" + (i < n ? text.charAt(i) : ' ')
              + "\" character.");
        }
      }
      String value = element.toString();
      elements.add(!quoted && value.equalsIgnoreCase("NULL") ? null : value);
      if (i >= n) {
        throw malformed(text, "Unexpected end of input.");
      }
      c = text.charAt(i++);
      if (c == '}') {
        if (skipSpace(text, i) != n) {
          throw malformed(text, "Junk after closing right brace.");
        }
        return elements;
      }
      if (c != ',') {
        throw malformed(text, "Unexpected array element.");
      }
      i = skipSpace(text, i);
    }
  }

  /** The canonical text of an array with these element texts (null for NULL). */
  public static String format(List<String> elements) {
    StringBuilder out = new StringBuilder().append('{');
    for (int k = 0; k < elements.size(); k++) {
      if (k > 0) {
        out.append(',');
      }
      appendElement(out, elements.get(k));
    }
    return out.append('}').toString();
  }

  /** Appends one element as PostgreSQL's array output writes it. */
  public static void appendElement(StringBuilder out, String element) {
    if (element == null) {
      out.append("NULL");
      return;
    }
    if (!needsQuotes(element)) {
      out.append(element);
      return;
    }
    out.append('"');
    for (int i = 0; i < element.length(); i++) {
      char c = element.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\');
      }
      out.append(c);
    }
    out.append('"');
  }

  private static boolean needsQuotes(String element) {
    if (element.isEmpty() || element.equalsIgnoreCase("NULL")) {
      return true;
    }
    for (int i = 0; i < element.length(); i++) {
      char c = element.charAt(i);
      if (c == '{' || c == '}' || c == ',' || c == '"' || c == '\\'
          || Character.isWhitespace(c)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Reads array input (braces, or the space-separated vector form) and writes it canonically
   * for the array type: every element is checked and normalized by the element type.
   */
  public static String canonical(String text, DataType arrayType) {
    DataType element = arrayType.element();
    String trimmed = text.strip();
    List<String> elements = arrayType.isVectorForm() && !trimmed.startsWith("{")
        ? parseVector(trimmed) : parse(text);
    List<String> normalized = new ArrayList<>(elements.size());
    for (String value : elements) {
      normalized.add(value == null ? null
          : TextFormat.toText(TextFormat.parse(value, element), element));
    }
    return format(normalized);
  }

  private static List<String> parseVector(String text) {
    List<String> elements = new ArrayList<>();
    for (String part : text.split("\\s+")) {
      if (!part.isEmpty()) {
        elements.add(part);
      }
    }
    return elements;
  }

  /** The text PostgreSQL shows for a value of the type: vectors without braces. */
  public static String display(String canonical, DataType arrayType) {
    if (!arrayType.isVectorForm()) {
      return canonical;
    }
    return String.join(" ", parse(canonical).stream()
        .map(element -> element == null ? "0" : element).toList());
  }

  private static int skipSpace(String text, int i) {
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static ExaException malformed(String text, String detail) {
    return new ExaException(SqlState.INVALID_TEXT_REPRESENTATION,
        "malformed array literal: \"" + text + "\"", 0, detail, null, null);
  }
}
