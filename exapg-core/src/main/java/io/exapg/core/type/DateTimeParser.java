package io.exapg.core.type;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import java.util.Locale;

/**
 * Reads ISO dates and timestamps as PostgreSQL accepts them: "2024-03-01", "2024-03-01
 * 12:30:00.5", "2024-03-01T12:30", an optional " BC", and the words epoch, today and
 * infinity are not accepted yet. A time zone suffix on a timestamp without time zone is
 * ignored, as PostgreSQL does.
 */
final class DateTimeParser {
  private final String text;
  private final String typeName;
  private final String input;
  private int pos;
  private boolean bc;

  DateTimeParser(String text, String typeName) {
    this.text = text;
    this.typeName = typeName;
    this.input = text.trim();
  }

  int parseDate() {
    int days = readDate();
    skipTimeIfPresent();
    skipSpaces();
    skipZone();
    readEra();
    expectEnd();
    return applyEra(days);
  }

  long parseTimestamp() {
    int days = readDate();
    long micros = 0;
    if (pos < input.length() && (input.charAt(pos) == ' ' || input.charAt(pos) == 'T')) {
      int save = pos;
      pos++;
      while (pos < input.length() && input.charAt(pos) == ' ') {
        pos++;
      }
      if (pos < input.length() && Character.isDigit(input.charAt(pos))) {
        micros = readTime();
        skipSpaces();
        skipZone();
      } else {
        pos = save;
      }
    }
    readEra();
    expectEnd();
    return Math.addExact(Math.multiplyExact((long) applyEra(days), Calendar.MICROS_PER_DAY),
        micros);
  }

  private int applyEra(int days) {
    if (!bc) {
      return days;
    }
    int year = Calendar.year(days);
    return Calendar.daysFromCivil(1 - year, Calendar.month(days), Calendar.dayOfMonth(days));
  }

  private int readDate() {
    int year = readNumber(1, 7);
    expect('-');
    int month = readNumber(1, 2);
    expect('-');
    int day = readNumber(1, 2);
    if (month < 1 || month > 12 || day < 1 || day > Calendar.daysInMonth(year, month)) {
      throw new ExaException(SqlState.DATETIME_FIELD_OVERFLOW,
          "date/time field value out of range: \"" + text + "\"");
    }
    return Calendar.daysFromCivil(year, month, day);
  }

  private void skipTimeIfPresent() {
    if (pos < input.length() && (input.charAt(pos) == ' ' || input.charAt(pos) == 'T')) {
      int save = pos;
      pos++;
      if (pos < input.length() && Character.isDigit(input.charAt(pos))) {
        readTime();
        skipZone();
      } else {
        pos = save;
      }
    }
  }

  private long readTime() {
    int hour = readNumber(1, 2);
    expect(':');
    int minute = readNumber(1, 2);
    int second = 0;
    long fraction = 0;
    if (pos < input.length() && input.charAt(pos) == ':') {
      pos++;
      second = readNumber(1, 2);
      if (pos < input.length() && input.charAt(pos) == '.') {
        pos++;
        int digits = 0;
        int start = pos;
        while (pos < input.length() && Character.isDigit(input.charAt(pos))) {
          if (digits < 7) {
            fraction = fraction * 10 + (input.charAt(pos) - '0');
            digits++;
          }
          pos++;
        }
        if (pos == start) {
          throw syntax();
        }
        while (digits < 7) {
          fraction *= 10;
          digits++;
        }
        fraction = (fraction + 5) / 10;
      }
    }
    if (hour > 24 || minute > 59 || second > 60
        || hour == 24 && (minute > 0 || second > 0 || fraction > 0)) {
      throw new ExaException(SqlState.DATETIME_FIELD_OVERFLOW,
          "date/time field value out of range: \"" + text + "\"");
    }
    return hour * Calendar.MICROS_PER_HOUR + minute * Calendar.MICROS_PER_MINUTE
        + second * Calendar.MICROS_PER_SECOND + fraction;
  }

  private void skipSpaces() {
    int save = pos;
    while (pos < input.length() && input.charAt(pos) == ' ') {
      pos++;
    }
    if (pos < input.length() && input.charAt(pos) != '+' && input.charAt(pos) != '-'
        && input.charAt(pos) != 'Z' && input.charAt(pos) != 'z') {
      pos = save;
    }
  }

  private void skipZone() {
    if (pos >= input.length()) {
      return;
    }
    char c = input.charAt(pos);
    if (c == 'Z' || c == 'z') {
      pos++;
    } else if (c == '+' || c == '-') {
      pos++;
      readNumber(1, 2);
      if (pos < input.length() && input.charAt(pos) == ':') {
        pos++;
        readNumber(2, 2);
      } else if (pos + 1 < input.length() && Character.isDigit(input.charAt(pos))) {
        readNumber(2, 2);
      }
    }
  }

  private void readEra() {
    String rest = input.substring(pos).trim().toUpperCase(Locale.ROOT);
    if (rest.equals("BC")) {
      bc = true;
      pos = input.length();
    } else if (rest.equals("AD")) {
      pos = input.length();
    }
  }

  private int readNumber(int minDigits, int maxDigits) {
    int start = pos;
    int value = 0;
    while (pos < input.length() && Character.isDigit(input.charAt(pos))
        && pos - start < maxDigits) {
      value = value * 10 + (input.charAt(pos) - '0');
      pos++;
    }
    if (pos - start < minDigits) {
      throw syntax();
    }
    return value;
  }

  private void expect(char c) {
    if (pos >= input.length() || input.charAt(pos) != c) {
      throw syntax();
    }
    pos++;
  }

  private void expectEnd() {
    while (pos < input.length() && input.charAt(pos) == ' ') {
      pos++;
    }
    if (pos != input.length()) {
      throw syntax();
    }
  }

  private ExaException syntax() {
    return new ExaException(SqlState.INVALID_DATETIME_FORMAT,
        "invalid input syntax for type " + typeName + ": \"" + text + "\"");
  }
}
