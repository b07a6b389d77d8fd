package io.exapg.core.expr.runtime;

import io.exapg.core.type.PgTypeOids;

/** format_type(type oid, typmod): the SQL name of a type with its modifiers, as PostgreSQL. */
public final class PgTypeNames {
  private PgTypeNames() {
  }

  public static String format(long oid, long typmod) {
    return switch ((int) oid) {
      case PgTypeOids.BOOL -> "boolean";
      case PgTypeOids.INT2 -> "smallint";
      case PgTypeOids.INT4 -> "integer";
      case PgTypeOids.INT8 -> "bigint";
      case PgTypeOids.FLOAT4 -> "real";
      case PgTypeOids.FLOAT8 -> "double precision";
      case PgTypeOids.NUMERIC -> typmod >= 4
          ? "numeric(" + ((typmod - 4) >> 16) + "," + ((typmod - 4) & 0xFFFF) + ")" : "numeric";
      case PgTypeOids.TEXT -> "text";
      case PgTypeOids.VARCHAR -> typmod >= 4 ? "character varying(" + (typmod - 4) + ")"
          : "character varying";
      case PgTypeOids.BPCHAR -> typmod >= 4 ? "character(" + (typmod - 4) + ")" : "bpchar";
      case PgTypeOids.DATE -> "date";
      case PgTypeOids.TIMESTAMP -> typmod >= 0
          ? "timestamp(" + typmod + ") without time zone" : "timestamp without time zone";
      case PgTypeOids.NAME -> "name";
      case PgTypeOids.OID -> "oid";
      case 18 -> "\"char\"";
      case PgTypeOids.UUID -> "uuid";
      case PgTypeOids.BYTEA -> "bytea";
      case 2275 -> "cstring";
      case 1263 -> "cstring[]";
      case 2281 -> "internal";
      case 2277 -> "anyarray";
      case PgTypeOids.INT2VECTOR -> "int2vector";
      case PgTypeOids.OIDVECTOR -> "oidvector";
      default -> {
        int element = PgTypeOids.elementOf((int) oid);
        yield element == 0 ? "???" : format(element, typmod) + "[]";
      }
    };
  }
}
