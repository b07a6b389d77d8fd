package io.exapg.planner.engine;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A session's configuration parameters, with PostgreSQL's names and defaults. Parameters that
 * clients set but that do not change ExaPG's behaviour are accepted only where that is
 * PostgreSQL's behaviour too; values ExaPG cannot honour are refused with SQLSTATE 0A000.
 */
final class SessionSettings {
  /** One known parameter. */
  private record Definition(String defaultValue, boolean reported, String description) {
  }

  private static final Map<String, Definition> KNOWN = new LinkedHashMap<>();

  static {
    define("application_name", "", true, "Sets the application name reported in statistics.");
    define("client_encoding", "UTF8", true, "The client's character set (only UTF8).");
    define("client_min_messages", "notice", false, "Message levels sent to the client.");
    define("datestyle", "ISO, MDY", true, "Display format for dates (only ISO).");
    define("default_transaction_isolation", "read committed", false,
        "Isolation level of new transactions.");
    define("extra_float_digits", "1", false,
        "Float output digits; ExaPG always prints the shortest exact form.");
    define("idle_in_transaction_session_timeout", "0", false,
        "Ends a session idle that long inside a transaction block (0: never).");
    define("integer_datetimes", "on", true, "Datetimes are integer based.");
    define("intervalstyle", "postgres", true, "Display format for intervals.");
    define("is_superuser", "on", true, "Whether the user is a superuser.");
    define("lc_messages", "C", false, "Language of messages.");
    define("password_encryption", "scram-sha-256", false,
        "How new passwords are stored: scram-sha-256 or md5.");
    define("role", "none", false, "The role the session acts as (SET ROLE), or none.");
    define("search_path", "\"$user\", public", false, "Schema search order.");
    define("server_encoding", "UTF8", true, "The server's character set.");
    define("server_version", EngineOptions.POSTGRES_VERSION, true,
        "The PostgreSQL version ExaPG is compatible with.");
    define("session_authorization", "", true, "The session user.");
    define("standard_conforming_strings", "on", true,
        "Backslashes in string literals are literal.");
    define("statement_timeout", "0", false,
        "Milliseconds after which a statement is canceled; 0 disables.");
    define("timezone", "UTC", true, "Time zone for the current date and time.");
    define("transaction_isolation", "read committed", false, "Isolation of this transaction.");
    define("exapg.query_memory_limit", "", false,
        "Memory budget of one query, e.g. 512MB or 2GB.");
    define("exapg.query_spill_limit", Long.toString(64L << 30), false,
        "Bytes one query may write to disk when its memory budget is exceeded.");
    define("exapg.trace", "off", false, "Whether this session's statements keep their phases"
        + " and operators, for exa_trace_export().");
    define("exapg.log_min_duration", "-1", false, "Queries running at least this long are"
        + " logged with their EXPLAIN ANALYZE plan; -1 disables, 0 logs all.");
  }

  private static void define(String name, String value, boolean reported, String description) {
    KNOWN.put(name, new Definition(value, reported, description));
  }

  private final Map<String, String> values = new TreeMap<>();
  private final Map<String, String> defaults = new TreeMap<>();
  private final Map<String, String> changes = new LinkedHashMap<>();
  /** The values when the transaction block began; null outside a block. */
  private Map<String, String> atBegin;
  /**
   * What SET and RESET (not SET LOCAL) left in the block, which COMMIT keeps; null for a
   * parameter reset to having no value.
   */
  private final Map<String, String> keptAtCommit = new HashMap<>();

  SessionSettings(String user, boolean superuser, String serverVersion, long queryMemoryLimit,
      Map<String, String> startup) {
    for (Map.Entry<String, Definition> entry : KNOWN.entrySet()) {
      defaults.put(entry.getKey(), entry.getValue().defaultValue());
    }
    defaults.put("session_authorization", user);
    defaults.put("is_superuser", superuser ? "on" : "off");
    defaults.put("server_version", serverVersion);
    defaults.put("exapg.query_memory_limit", Long.toString(queryMemoryLimit));
    values.putAll(defaults);
    for (Map.Entry<String, String> option : startup.entrySet()) {
      String name = option.getKey().toLowerCase(Locale.ROOT);
      if (KNOWN.containsKey(name) || name.contains(".")) {
        set(name, option.getValue());
        defaults.put(name, values.get(name));
      }
    }
    changes.clear();
    for (Map.Entry<String, Definition> entry : KNOWN.entrySet()) {
      if (entry.getValue().reported()) {
        changes.put(displayName(entry.getKey()), values.get(entry.getKey()));
      }
    }
  }

  String get(String name) {
    String key = name.toLowerCase(Locale.ROOT);
    String value = values.get(key);
    if (value == null) {
      throw unrecognized(name);
    }
    return value;
  }

  private static ExaException unrecognized(String name) {
    return new ExaException(SqlState.UNDEFINED_OBJECT,
        "unrecognized configuration parameter \"" + name + "\"");
  }

  /** SET: for the session (undone if the transaction block it is in rolls back). */
  void set(String name, String value) {
    String key = assign(name, value);
    keep(key);
  }

  /** SET LOCAL: until the end of the transaction block, whether it commits or not. */
  void setLocal(String name, String value) {
    assign(name, value);
  }

  private void keep(String key) {
    if (atBegin != null) {
      keptAtCommit.put(key, values.get(key));
    }
  }

  /** BEGIN: from now on, changes are undone by ROLLBACK (and SET LOCAL ones by COMMIT). */
  void beginTransaction() {
    atBegin = new TreeMap<>(values);
    keptAtCommit.clear();
  }

  /**
   * The end of a transaction block: after ROLLBACK every parameter has its value from before
   * BEGIN; after COMMIT, what SET and RESET changed in the block stays. Changed reported
   * parameters are reported again.
   */
  void endTransaction(boolean committed) {
    if (atBegin == null) {
      return;
    }
    Map<String, String> target = new TreeMap<>(atBegin);
    if (committed) {
      keptAtCommit.forEach((key, value) -> {
        if (value == null) {
          target.remove(key);
        } else {
          target.put(key, value);
        }
      });
    }
    Set<String> keys = new TreeSet<>(values.keySet());
    keys.addAll(target.keySet());
    for (String key : keys) {
      String value = target.get(key);
      if (Objects.equals(values.get(key), value)) {
        continue;
      }
      if (value == null) {
        values.remove(key);
        continue;
      }
      values.put(key, value);
      Definition definition = KNOWN.get(key);
      if (definition != null && definition.reported()) {
        changes.put(displayName(key), value);
      }
    }
    atBegin = null;
    keptAtCommit.clear();
  }

  /** What RESET would give the parameter (SET LOCAL name TO DEFAULT). */
  String defaultValue(String name) {
    String key = name.toLowerCase(Locale.ROOT);
    if (!values.containsKey(key)) {
      throw unrecognized(name);
    }
    return defaults.get(key);
  }

  private String assign(String name, String value) {
    String key = name.toLowerCase(Locale.ROOT);
    if (!KNOWN.containsKey(key) && !key.contains(".")) {
      throw unrecognized(name);
    }
    if (key.equals("server_version") || key.equals("server_encoding")
        || key.equals("integer_datetimes") || key.equals("is_superuser")
        || key.equals("session_authorization") || key.equals("role")) {
      throw new ExaException(SqlState.CANT_CHANGE_RUNTIME_PARAM,
          "parameter \"" + key + "\" cannot be changed");
    }
    String normalized = normalize(key, value);
    if (!normalized.equals(values.get(key))) {
      values.put(key, normalized);
      Definition definition = KNOWN.get(key);
      if (definition != null && definition.reported()) {
        changes.put(displayName(key), normalized);
      }
    }
    return key;
  }

  /** After SET [LOCAL] ROLE: what SHOW role and is_superuser (reported to the client) say. */
  void setRole(String role, boolean superuser, boolean local) {
    values.put("role", role);
    if (!values.get("is_superuser").equals(superuser ? "on" : "off")) {
      values.put("is_superuser", superuser ? "on" : "off");
      changes.put(displayName("is_superuser"), superuser ? "on" : "off");
    }
    if (!local) {
      keep("role");
      keep("is_superuser");
    }
  }

  void reset(String name) {
    String key = name.toLowerCase(Locale.ROOT);
    if (!values.containsKey(key)) {
      throw unrecognized(name);
    }
    String value = defaults.get(key);
    if (value == null) {
      values.remove(key);
      keep(key);
    } else {
      set(key, value);
    }
  }

  void resetAll() {
    for (String key : KNOWN.keySet()) {
      if (!key.equals("server_version") && !key.equals("server_encoding")
          && !key.equals("integer_datetimes") && !key.equals("is_superuser")
          && !key.equals("session_authorization") && !key.equals("role")) {
        reset(key);
      }
    }
  }

  private static String normalize(String key, String value) {
    switch (key) {
      case "client_encoding":
        String encoding = value.toUpperCase(Locale.ROOT).replace("-", "");
        if (!encoding.equals("UTF8") && !encoding.equals("UNICODE")) {
          throw new ExaException(SqlState.FEATURE_NOT_SUPPORTED,
              "client encoding \"" + value + "\" is not supported: ExaPG speaks UTF8 only");
        }
        return "UTF8";
      case "datestyle":
        if (!value.toUpperCase(Locale.ROOT).startsWith("ISO")) {
          throw new ExaException(SqlState.FEATURE_NOT_SUPPORTED,
              "DateStyle \"" + value + "\" is not supported: dates are always ISO");
        }
        return value.toUpperCase(Locale.ROOT).contains("DMY") ? "ISO, DMY" : "ISO, MDY";
      case "timezone":
        try {
          String zone = value.equalsIgnoreCase("utc") ? "UTC" : value;
          ZoneId.of(zone);
          return zone;
        } catch (DateTimeException e) {
          throw new ExaException(SqlState.INVALID_PARAMETER_VALUE,
              "invalid value for parameter \"TimeZone\": \"" + value + "\"");
        }
      case "exapg.trace":
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
          case "on", "true", "yes", "1" -> "on";
          case "off", "false", "no", "0" -> "off";
          default -> throw new ExaException(SqlState.INVALID_PARAMETER_VALUE,
              "parameter \"exapg.trace\" requires a Boolean value");
        };
      case "exapg.log_min_duration":
        if (value.trim().equals("-1")) {
          return "-1";
        }
        long threshold = parseDuration(key, value);
        return threshold == 0 ? "0" : threshold + "ms";
      case "statement_timeout":
      case "idle_in_transaction_session_timeout":
        long millis = parseDuration(key, value);
        return millis == 0 ? "0" : millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
      case "extra_float_digits":
        try {
          int digits = Integer.parseInt(value.trim());
          if (digits < -15 || digits > 3) {
            throw new NumberFormatException();
          }
          return Integer.toString(digits);
        } catch (NumberFormatException e) {
          throw new ExaException(SqlState.INVALID_PARAMETER_VALUE,
              "invalid value for parameter \"extra_float_digits\": \"" + value + "\"");
        }
      case "exapg.query_memory_limit":
      case "exapg.query_spill_limit":
        return Long.toString(parseBytes(key, value));
      case "default_transaction_isolation":
      case "transaction_isolation":
        return value.toLowerCase(Locale.ROOT);
      case "password_encryption":
        String method = value.toLowerCase(Locale.ROOT);
        if (!method.equals("md5") && !method.equals("scram-sha-256")) {
          throw new ExaException(SqlState.INVALID_PARAMETER_VALUE,
              "invalid value for parameter \"password_encryption\": \"" + value + "\"");
        }
        return method;
      default:
        return value;
    }
  }

  /** Milliseconds from "5000", "5s", "2min", "1h". */
  static long parseDuration(String name, String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    long factor = 1;
    String[][] units = {{"ms", "1"}, {"min", "60000"}, {"s", "1000"}, {"h", "3600000"},
        {"d", "86400000"}};
    for (String[] unit : units) {
      if (v.endsWith(unit[0])) {
        factor = Long.parseLong(unit[1]);
        v = v.substring(0, v.length() - unit[0].length()).trim();
        break;
      }
    }
    try {
      long number = Long.parseLong(v);
      if (number < 0) {
        throw new NumberFormatException();
      }
      return number * factor;
    } catch (NumberFormatException e) {
      throw new ExaException(SqlState.INVALID_PARAMETER_VALUE,
          "invalid value for parameter \"" + name + "\": \"" + value + "\"");
    }
  }

  /** Bytes from "1048576", "512kB", "64MB", "2GB". */
  static long parseBytes(String name, String value) {
    String v = value.trim().toUpperCase(Locale.ROOT);
    long factor = 1;
    String[][] units = {{"KB", "1024"}, {"MB", "1048576"}, {"GB", "1073741824"},
        {"TB", "1099511627776"}, {"B", "1"}};
    for (String[] unit : units) {
      if (v.endsWith(unit[0])) {
        factor = Long.parseLong(unit[1]);
        v = v.substring(0, v.length() - unit[0].length()).trim();
        break;
      }
    }
    try {
      long number = Long.parseLong(v);
      if (number <= 0) {
        throw new NumberFormatException();
      }
      return Math.multiplyExact(number, factor);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new ExaException(SqlState.INVALID_PARAMETER_VALUE,
          "invalid value for parameter \"" + name + "\": \"" + value + "\"");
    }
  }

  /** The capitalization PostgreSQL uses in ParameterStatus messages. */
  static String displayName(String key) {
    return switch (key) {
      case "datestyle" -> "DateStyle";
      case "intervalstyle" -> "IntervalStyle";
      case "timezone" -> "TimeZone";
      default -> key;
    };
  }

  Map<String, String> takeChanges() {
    Map<String, String> result = new LinkedHashMap<>(changes);
    changes.clear();
    return result;
  }

  /** Every parameter with its value and description, for SHOW ALL. */
  Map<String, String[]> all() {
    Map<String, String[]> result = new TreeMap<>();
    for (Map.Entry<String, String> entry : values.entrySet()) {
      Definition definition = KNOWN.get(entry.getKey());
      result.put(displayName(entry.getKey()), new String[] {entry.getValue(),
          definition == null ? "" : definition.description()});
    }
    return result;
  }

}
