package io.exapg.planner.catalog.pg;

import io.exapg.core.expr.runtime.PgTypeNames;
import io.exapg.core.type.ArrayText;
import io.exapg.core.type.PgTypeOids;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in functions pg_proc describes: the input, output, receive and send functions of
 * the types pg_type lists, and their type modifier functions, under PostgreSQL's OIDs. Clients
 * join pg_type's typreceive to pg_proc to tell arrays from base types (Npgsql) and compare
 * typinput with 'array_in'::regproc (PostgreSQL JDBC). The functions ExaPG evaluates in SQL
 * are not listed.
 */
public final class PgBuiltinFunctions {
  private static final int CSTRING = 2275;
  private static final int INTERNAL = 2281;
  private static final int CSTRING_ARRAY = 1263;
  private static final int ANYARRAY = 2277;
  private static final int LANGUAGE_INTERNAL = 12;

  /**
   * A type's four I/O functions by name prefix ("bool" → boolin, boolout, boolrecv,
   * boolsend); volatility per function in that order ('s' where PostgreSQL's depend on
   * settings such as DateStyle or the client encoding).
   */
  private record Io(String prefix, int type, boolean typmod, int in, int out, int recv,
      int send, String volatility) {
  }

  private static final List<Io> IO = List.of(
      new Io("bool", PgTypeOids.BOOL, false, 1242, 1243, 2436, 2437, "iiii"),
      new Io("int2", PgTypeOids.INT2, false, 38, 39, 2404, 2405, "iiii"),
      new Io("int4", PgTypeOids.INT4, false, 42, 43, 2406, 2407, "iiii"),
      new Io("int8", PgTypeOids.INT8, false, 460, 461, 2408, 2409, "iiii"),
      new Io("float4", PgTypeOids.FLOAT4, false, 200, 201, 2424, 2425, "iiii"),
      new Io("float8", PgTypeOids.FLOAT8, false, 214, 215, 2426, 2427, "iiii"),
      new Io("numeric_", PgTypeOids.NUMERIC, true, 1701, 1702, 2460, 2461, "iiii"),
      new Io("text", PgTypeOids.TEXT, false, 46, 47, 2414, 2415, "iiss"),
      new Io("varchar", PgTypeOids.VARCHAR, true, 1046, 1047, 2432, 2433, "iiss"),
      new Io("bpchar", PgTypeOids.BPCHAR, true, 1044, 1045, 2430, 2431, "iiss"),
      new Io("date_", PgTypeOids.DATE, false, 1084, 1085, 2468, 2469, "ssii"),
      new Io("timestamp_", PgTypeOids.TIMESTAMP, true, 1312, 1313, 2474, 2475, "ssii"),
      new Io("name", PgTypeOids.NAME, false, 34, 35, 2422, 2423, "iiss"),
      new Io("oid", PgTypeOids.OID, false, 1798, 1799, 2418, 2419, "iiii"),
      new Io("char", 18, false, 1245, 33, 2434, 2435, "iiii"),
      new Io("uuid_", PgTypeOids.UUID, false, 2952, 2953, 2961, 2962, "iiii"),
      new Io("bytea", PgTypeOids.BYTEA, false, 1244, 31, 2412, 2413, "iiii"),
      new Io("int2vector", PgTypeOids.INT2VECTOR, false, 40, 41, 2410, 2411, "iiii"),
      new Io("oidvector", PgTypeOids.OIDVECTOR, false, 54, 55, 2420, 2421, "iiii"),
      new Io("array_", ANYARRAY, true, 750, 751, 2400, 2401, "ssss"));

  /** typmodin functions (cstring[] to int4) and their typmodout (int4 to cstring). */
  private record Typmod(String prefix, int in, int out) {
  }

  private static final List<Typmod> TYPMODS = List.of(
      new Typmod("timestamp", 2905, 2906), new Typmod("bpchar", 2913, 2914),
      new Typmod("varchar", 2915, 2916), new Typmod("numeric", 2917, 2918));

  /** One built-in function: OID, name, result and argument type OIDs, provolatile. */
  public record Builtin(int oid, String name, int returnType, List<Integer> argumentTypes,
      char volatility) {
  }

  private static final List<Builtin> FUNCTIONS = functions();
  private static final Map<String, Integer> OIDS = oidsByName();

  private PgBuiltinFunctions() {
  }

  private static List<Builtin> functions() {
    List<Builtin> functions = new ArrayList<>();
    for (Io io : IO) {
      List<Integer> withTypmod = io.typmod() ? List.of(PgTypeOids.OID, PgTypeOids.INT4)
          : List.of();
      functions.add(new Builtin(io.in(), io.prefix() + "in", io.type(),
          prepend(CSTRING, withTypmod), io.volatility().charAt(0)));
      functions.add(new Builtin(io.out(), io.prefix() + "out", CSTRING, List.of(io.type()),
          io.volatility().charAt(1)));
      functions.add(new Builtin(io.recv(), io.prefix() + "recv", io.type(),
          prepend(INTERNAL, withTypmod), io.volatility().charAt(2)));
      functions.add(new Builtin(io.send(), io.prefix() + "send", PgTypeOids.BYTEA,
          List.of(io.type()), io.volatility().charAt(3)));
    }
    for (Typmod typmod : TYPMODS) {
      functions.add(new Builtin(typmod.in(), typmod.prefix() + "typmodin", PgTypeOids.INT4,
          List.of(CSTRING_ARRAY), 'i'));
      functions.add(new Builtin(typmod.out(), typmod.prefix() + "typmodout", CSTRING,
          List.of(PgTypeOids.INT4), 'i'));
    }
    return List.copyOf(functions);
  }

  private static List<Integer> prepend(int first, List<Integer> rest) {
    List<Integer> all = new ArrayList<>();
    all.add(first);
    all.addAll(rest);
    return all;
  }

  private static Map<String, Integer> oidsByName() {
    Map<String, Integer> oids = new HashMap<>();
    for (Builtin function : FUNCTIONS) {
      oids.put(function.name(), function.oid());
    }
    return Map.copyOf(oids);
  }

  /** The OID of the built-in function with this name; 0 for "-" (none) or unknown names. */
  public static int oid(String name) {
    return OIDS.getOrDefault(name, 0);
  }

  /** Every function listed, all of them in pg_catalog. */
  public static List<Builtin> all() {
    return FUNCTIONS;
  }

  /** The OIDs of every function listed, all of them in pg_catalog. */
  public static List<Integer> oids() {
    return FUNCTIONS.stream().map(Builtin::oid).toList();
  }

  /** pg_get_function_result() of each function: its return type's name. */
  public static Map<Integer, String> results() {
    Map<Integer, String> results = new HashMap<>();
    for (Builtin f : FUNCTIONS) {
      results.put(f.oid(), PgTypeNames.format(f.returnType(), -1));
    }
    return results;
  }

  /** pg_get_function_arguments() of each function: its argument types' names. */
  public static Map<Integer, String> arguments() {
    Map<Integer, String> arguments = new HashMap<>();
    for (Builtin f : FUNCTIONS) {
      arguments.put(f.oid(), String.join(", ", f.argumentTypes().stream()
          .map(type -> PgTypeNames.format(type, -1)).toList()));
    }
    return arguments;
  }

  /** pg_proc's rows, in the column order of its definition in PgCatalogSchema. */
  static List<List<Object>> rows() {
    List<List<Object>> rows = new ArrayList<>();
    for (Builtin f : FUNCTIONS) {
      rows.add(Arrays.asList(f.oid(), f.name(), PgOids.PG_CATALOG, PgOids.BOOTSTRAP_SUPERUSER,
          LANGUAGE_INTERNAL, 1.0f, 0.0f, 0, "f", false, true, false,
          String.valueOf(f.volatility()), f.argumentTypes().size(), 0, f.returnType(),
          ArrayText.format(f.argumentTypes().stream().map(String::valueOf).toList()), null,
          null, null, f.name(), null, null));
    }
    return rows;
  }
}
