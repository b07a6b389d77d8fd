package io.exapg.core.type;

/**
 * Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01), without
 * allocation, as the hot paths of date formatting and EXTRACT need it.
 */
public final class Calendar {
  public static final long MICROS_PER_SECOND = 1_000_000L;
  public static final long MICROS_PER_MINUTE = 60 * MICROS_PER_SECOND;
  public static final long MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;
  public static final long MICROS_PER_DAY = 24 * MICROS_PER_HOUR;
  /** PostgreSQL's binary date and timestamp formats count from 2000-01-01. */
  public static final int POSTGRES_EPOCH_DAY = 10957;

  private Calendar() {
  }

  /** Day number of the given civil date; month 1-12, day 1-31. */
  public static int daysFromCivil(int year, int month, int day) {
    int y = month <= 2 ? year - 1 : year;
    int era = Math.floorDiv(y, 400);
    int yearOfEra = y - era * 400;
    int monthIndex = month > 2 ? month - 3 : month + 9;
    int dayOfYear = (153 * monthIndex + 2) / 5 + day - 1;
    int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + dayOfEra - 719468;
  }

  /** The year of a day number. */
  public static int year(int days) {
    int z = days + 719468;
    int era = Math.floorDiv(z, 146097);
    int dayOfEra = z - era * 146097;
    int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    int monthIndex = (5 * dayOfYear + 2) / 153;
    int month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
    int year = yearOfEra + era * 400;
    return month <= 2 ? year + 1 : year;
  }

  /** The month (1-12) of a day number. */
  public static int month(int days) {
    int z = days + 719468;
    int era = Math.floorDiv(z, 146097);
    int dayOfEra = z - era * 146097;
    int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    int monthIndex = (5 * dayOfYear + 2) / 153;
    return monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  }

  /** The day of month (1-31) of a day number. */
  public static int dayOfMonth(int days) {
    int z = days + 719468;
    int era = Math.floorDiv(z, 146097);
    int dayOfEra = z - era * 146097;
    int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    int monthIndex = (5 * dayOfYear + 2) / 153;
    return dayOfYear - (153 * monthIndex + 2) / 5 + 1;
  }

  /** ISO day of week: Monday 1 ... Sunday 7. */
  public static int isoDayOfWeek(int days) {
    return Math.floorMod(days + 3, 7) + 1;
  }

  public static int dayOfYear(int days) {
    return days - daysFromCivil(year(days), 1, 1) + 1;
  }

  public static boolean isLeapYear(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  }

  public static int daysInMonth(int year, int month) {
    return switch (month) {
      case 2 -> isLeapYear(year) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /** The day number a number of months after the given one, clamping the day of month. */
  public static int addMonths(int days, int months) {
    int year = year(days);
    int month = month(days);
    int day = dayOfMonth(days);
    int total = year * 12 + (month - 1) + months;
    int newYear = Math.floorDiv(total, 12);
    int newMonth = Math.floorMod(total, 12) + 1;
    return daysFromCivil(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth)));
  }

  /** An instant as microseconds since 1970-01-01 UTC (a timestamp's physical form). */
  public static long micros(java.time.Instant instant) {
    return instant.getEpochSecond() * MICROS_PER_SECOND + instant.getNano() / 1000;
  }

  public static int dayOf(long micros) {
    return (int) Math.floorDiv(micros, MICROS_PER_DAY);
  }

  public static long microsOfDay(long micros) {
    return Math.floorMod(micros, MICROS_PER_DAY);
  }
}
