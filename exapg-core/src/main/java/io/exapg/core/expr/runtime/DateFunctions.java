package io.exapg.core.expr.runtime;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.core.type.Calendar;
import java.util.Locale;

/** EXTRACT, date_part and date_trunc over dates (day numbers) and timestamps (micros). */
public final class DateFunctions {
  /** The fields EXTRACT and date_trunc know, parsed once per plan from the unit literal. */
  public enum Unit {
    MICROSECONDS, MILLISECONDS, SECOND, MINUTE, HOUR, DAY, WEEK, MONTH, QUARTER, YEAR, DECADE,
    CENTURY, MILLENNIUM, DOW, ISODOW, DOY, EPOCH, ISOYEAR;

    public static Unit parse(String text) {
      String t = text.trim().toUpperCase(Locale.ROOT);
      switch (t) {
        case "MICROSECOND", "US":
          return MICROSECONDS;
        case "MILLISECOND", "MS":
          return MILLISECONDS;
        case "SECONDS", "SEC", "S":
          return SECOND;
        case "MINUTES", "MIN":
          return MINUTE;
        case "HOURS", "H":
          return HOUR;
        case "DAYS", "D":
          return DAY;
        case "WEEKS":
          return WEEK;
        case "MONTHS", "MON":
          return MONTH;
        case "YEARS", "Y":
          return YEAR;
        case "DAYOFWEEK":
          return DOW;
        case "DAYOFYEAR":
          return DOY;
        default:
          break;
      }
      try {
        return valueOf(t);
      } catch (IllegalArgumentException e) {
        throw new ExaException(SqlState.INVALID_PARAMETER_VALUE,
            "unit \"" + text.trim().toLowerCase(Locale.ROOT) + "\" not recognized");
      }
    }
  }

  private DateFunctions() {
  }

  public static long extractFromDate(int days, Unit unit) {
    return switch (unit) {
      case YEAR -> Calendar.year(days);
      case MONTH -> Calendar.month(days);
      case DAY -> Calendar.dayOfMonth(days);
      case QUARTER -> (Calendar.month(days) - 1) / 3 + 1;
      case WEEK -> isoWeek(days);
      case DOW -> Calendar.isoDayOfWeek(days) % 7;
      case ISODOW -> Calendar.isoDayOfWeek(days);
      case DOY -> Calendar.dayOfYear(days);
      case DECADE -> Math.floorDiv(Calendar.year(days), 10);
      case CENTURY -> century(Calendar.year(days));
      case MILLENNIUM -> millennium(Calendar.year(days));
      case EPOCH -> days * 86400L;
      case ISOYEAR -> isoYear(days);
      case HOUR, MINUTE, SECOND, MILLISECONDS, MICROSECONDS -> throw new ExaException(
          SqlState.INVALID_PARAMETER_VALUE,
          "unit \"" + unit.name().toLowerCase(Locale.ROOT) + "\" not supported for type date");
    };
  }

  public static long extractFromTimestamp(long micros, Unit unit) {
    long timeOfDay = Calendar.microsOfDay(micros);
    return switch (unit) {
      case HOUR -> timeOfDay / Calendar.MICROS_PER_HOUR;
      case MINUTE -> timeOfDay / Calendar.MICROS_PER_MINUTE % 60;
      case SECOND -> timeOfDay / Calendar.MICROS_PER_SECOND % 60;
      case MILLISECONDS -> timeOfDay / 1000 % 60_000;
      case MICROSECONDS -> timeOfDay % 60_000_000;
      case EPOCH -> Math.floorDiv(micros, Calendar.MICROS_PER_SECOND);
      default -> extractFromDate(Calendar.dayOf(micros), unit);
    };
  }

  /** date_part returns double precision, with the seconds' fraction. */
  public static double partFromTimestamp(long micros, Unit unit) {
    long timeOfDay = Calendar.microsOfDay(micros);
    return switch (unit) {
      case SECOND -> (timeOfDay % Calendar.MICROS_PER_MINUTE) / 1e6;
      case MILLISECONDS -> (timeOfDay % Calendar.MICROS_PER_MINUTE) / 1e3;
      case EPOCH -> micros / 1e6;
      default -> extractFromTimestamp(micros, unit);
    };
  }

  public static long truncTimestamp(long micros, Unit unit) {
    int days = Calendar.dayOf(micros);
    long timeOfDay = Calendar.microsOfDay(micros);
    long dayStart = micros - timeOfDay;
    return switch (unit) {
      case MICROSECONDS -> micros;
      case MILLISECONDS -> Math.floorDiv(micros, 1000L) * 1000L;
      case SECOND -> Math.floorDiv(micros, Calendar.MICROS_PER_SECOND) * Calendar.MICROS_PER_SECOND;
      case MINUTE -> Math.floorDiv(micros, Calendar.MICROS_PER_MINUTE) * Calendar.MICROS_PER_MINUTE;
      case HOUR -> Math.floorDiv(micros, Calendar.MICROS_PER_HOUR) * Calendar.MICROS_PER_HOUR;
      case DAY -> dayStart;
      default -> truncDate(days, unit) * Calendar.MICROS_PER_DAY;
    };
  }

  /** date_trunc on a date, as a day number. */
  public static int truncDate(int days, Unit unit) {
    int year = Calendar.year(days);
    return switch (unit) {
      case MICROSECONDS, MILLISECONDS, SECOND, MINUTE, HOUR, DAY -> days;
      case WEEK -> days - (Calendar.isoDayOfWeek(days) - 1);
      case MONTH -> Calendar.daysFromCivil(year, Calendar.month(days), 1);
      case QUARTER -> Calendar.daysFromCivil(year, (Calendar.month(days) - 1) / 3 * 3 + 1, 1);
      case YEAR -> Calendar.daysFromCivil(year, 1, 1);
      case DECADE -> Calendar.daysFromCivil(Math.floorDiv(year, 10) * 10, 1, 1);
      case CENTURY -> Calendar.daysFromCivil((century(year) - 1) * 100 + 1, 1, 1);
      case MILLENNIUM -> Calendar.daysFromCivil((millennium(year) - 1) * 1000 + 1, 1, 1);
      default -> throw new ExaException(SqlState.INVALID_PARAMETER_VALUE,
          "unit \"" + unit.name().toLowerCase(Locale.ROOT) + "\" not supported by date_trunc");
    };
  }

  private static int century(int year) {
    return year > 0 ? (year + 99) / 100 : -((99 - year) / 100);
  }

  private static int millennium(int year) {
    return year > 0 ? (year + 999) / 1000 : -((999 - year) / 1000);
  }

  private static int isoYear(int days) {
    int thursday = days - (Calendar.isoDayOfWeek(days) - 1) + 3;
    return Calendar.year(thursday);
  }

  private static int isoWeek(int days) {
    int thursday = days - (Calendar.isoDayOfWeek(days) - 1) + 3;
    int yearStart = Calendar.daysFromCivil(Calendar.year(thursday), 1, 1);
    return (thursday - yearStart) / 7 + 1;
  }

  public static int addDays(int days, long delta) {
    return Math.toIntExact(days + delta);
  }

  public static long addMonthsToTimestamp(long micros, long months) {
    int days = Calendar.dayOf(micros);
    long timeOfDay = Calendar.microsOfDay(micros);
    return Calendar.addMonths(days, Math.toIntExact(months)) * Calendar.MICROS_PER_DAY
        + timeOfDay;
  }

  public static int addMonthsToDate(int days, long months) {
    return Calendar.addMonths(days, Math.toIntExact(months));
  }
}
