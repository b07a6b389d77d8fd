package io.exapg.core.expr.runtime;

import io.exapg.core.type.ArrayText;
import io.exapg.core.type.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * Array functions for generated expression code. Arrays are canonical texts (see
 * {@link ArrayText}); functions parse them per call, which suits the catalog-sized arrays
 * clients send and read, not bulk data.
 */
public final class ArrayValues {
  private ArrayValues() {
  }

  /** Collects the elements of one ARRAY[...] value; one per expression node, reused per row. */
  public static final class Builder {
    private final StringBuilder text = new StringBuilder();
    private int count;

    public void reset() {
      text.setLength(0);
      text.append('{');
      count = 0;
    }

    public void add(StringValue element) {
      separate();
      ArrayText.appendElement(text, element.toString());
    }

    public void addNull() {
      separate();
      text.append("NULL");
    }

    private void separate() {
      if (count++ > 0) {
        text.append(',');
      }
    }

    public void finish(StringValue out) {
      text.append('}');
      out.set(text.toString());
    }
  }

  private static List<String> elements(StringValue array) {
    return ArrayText.parse(array.toString());
  }

  /** Reads an array (or converts one) into the canonical text of the target array type. */
  public static void canonical(StringValue text, DataType type, StringValue out) {
    out.set(ArrayText.canonical(text.toString(), type));
  }

  /** The int2vector/oidvector text: elements separated by spaces. */
  public static void display(StringValue array, StringValue out) {
    out.set(String.join(" ", elements(array)));
  }

  /** The element at a 1-based index into out; false when there is none or it is NULL. */
  public static boolean element(StringValue array, long index, StringValue out) {
    List<String> elements = elements(array);
    if (index < 1 || index > elements.size() || elements.get((int) index - 1) == null) {
      return false;
    }
    out.set(elements.get((int) index - 1));
    return true;
  }

  /** 1 when an element equals the text, else -1 when an element is NULL, else 0. */
  public static int contains(StringValue array, StringValue element) {
    String wanted = element.toString();
    boolean sawNull = false;
    for (String candidate : elements(array)) {
      if (candidate == null) {
        sawNull = true;
      } else if (candidate.equals(wanted)) {
        return 1;
      }
    }
    return sawNull ? -1 : 0;
  }

  /**
   * array_upper / array_lower / array_length of dimension 1, or cardinality; -1 stands for
   * NULL (empty arrays and dimensions they do not have). UPPER0 and LOWER0 are the bounds of
   * int2vector and oidvector, whose subscripts start at 0.
   */
  public static long bound(StringValue array, long dimension, String mode) {
    int n = elements(array).size();
    if (mode.equals("CARDINALITY")) {
      return n;
    }
    if (dimension != 1 || n == 0) {
      return -1;
    }
    return switch (mode) {
      case "UPPER", "LENGTH" -> n;
      case "LOWER" -> 1;
      case "UPPER0" -> n - 1;
      case "LOWER0" -> 0;
      default -> throw new IllegalArgumentException(mode);
    };
  }

  /** array_to_string: NULL elements are skipped unless a text is given for them. */
  public static void join(StringValue array, StringValue separator, StringValue nullText,
      StringValue out) {
    String sep = separator.toString();
    StringBuilder joined = new StringBuilder();
    boolean first = true;
    for (String element : elements(array)) {
      if (element == null && nullText == null) {
        continue;
      }
      if (!first) {
        joined.append(sep);
      }
      joined.append(element == null ? nullText.toString() : element);
      first = false;
    }
    out.set(joined.toString());
  }

  /** array || array. */
  public static void concat(StringValue a, StringValue b, StringValue out) {
    List<String> elements = new ArrayList<>(elements(a));
    elements.addAll(elements(b));
    out.set(ArrayText.format(elements));
  }

  /** string_to_array(text, delimiter [, null text]); a NULL delimiter splits characters. */
  public static void split(StringValue text, StringValue delimiter, StringValue nullText,
      StringValue out) {
    String s = text.toString();
    String d = delimiter.toString();
    String nullString = nullText == null ? null : nullText.toString();
    List<String> elements = new ArrayList<>();
    if (!s.isEmpty()) {
      if (d.isEmpty()) {
        elements.add(s);
      } else {
        int from = 0;
        while (true) {
          int at = s.indexOf(d, from);
          elements.add(at < 0 ? s.substring(from) : s.substring(from, at));
          if (at < 0) {
            break;
          }
          from = at + d.length();
        }
      }
    }
    elements.replaceAll(element -> element.equals(nullString) ? null : element);
    out.set(ArrayText.format(elements));
  }
}
