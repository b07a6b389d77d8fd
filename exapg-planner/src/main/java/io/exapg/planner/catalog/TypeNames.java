package io.exapg.planner.catalog;

import io.exapg.core.type.DataType;
import java.util.Locale;
import java.util.Map;

/** PostgreSQL's type names that Calcite's grammar does not know as keywords. */
public final class TypeNames {
  private static final Map<String, DataType> ALIASES = Map.ofEntries(
      Map.entry("text", DataType.TEXT),
      Map.entry("string", DataType.TEXT),
      Map.entry("bool", DataType.BOOLEAN),
      Map.entry("int2", DataType.SMALLINT),
      Map.entry("int4", DataType.INTEGER),
      Map.entry("int8", DataType.BIGINT),
      Map.entry("float4", DataType.REAL),
      Map.entry("float8", DataType.DOUBLE),
      Map.entry("bpchar", DataType.TEXT),
      Map.entry("name", DataType.TEXT),
      Map.entry("uuid", DataType.UUID),
      Map.entry("bytea", DataType.BYTEA),
      // Object identifiers are ints; a string cast to regclass or regproc is resolved when
      // planned. The reg* types are ints: their text form is the number, not the name.
      Map.entry("oid", DataType.INTEGER),
      Map.entry("regclass", DataType.INTEGER),
      Map.entry("regtype", DataType.INTEGER),
      Map.entry("regproc", DataType.INTEGER),
      Map.entry("regnamespace", DataType.INTEGER),
      Map.entry("regrole", DataType.INTEGER));

  private TypeNames() {
  }

  /** The type a name stands for, or null. */
  public static DataType lookup(String name) {
    return ALIASES.get(name.toLowerCase(Locale.ROOT));
  }

  public static Map<String, DataType> aliases() {
    return ALIASES;
  }
}
