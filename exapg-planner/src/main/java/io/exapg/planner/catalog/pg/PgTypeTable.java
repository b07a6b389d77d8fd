package io.exapg.planner.catalog.pg;

import io.exapg.core.expr.runtime.PgTypeNames;
import io.exapg.core.type.DataType;
import io.exapg.core.type.PgTypeOids;
import io.exapg.planner.catalog.SystemTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** pg_type: the base types ExaPG has, plus name, oid and "char" that catalogs use. */
public final class PgTypeTable extends SystemTable {
  /** One base type as PostgreSQL describes it; io is the prefix of its I/O functions. */
  private record BaseType(int oid, String name, int length, char category, boolean preferred,
      int arrayOid, String io, char align, boolean collatable, String typmodIn) {
  }

  private static final int CSTRING_ARRAY = 1263;

  private static final List<BaseType> TYPES = List.of(
      new BaseType(PgTypeOids.BOOL, "bool", 1, 'B', true, 1000, "bool", 'c', false, "-"),
      new BaseType(PgTypeOids.INT2, "int2", 2, 'N', false, 1005, "int2", 's', false, "-"),
      new BaseType(PgTypeOids.INT4, "int4", 4, 'N', false, 1007, "int4", 'i', false, "-"),
      new BaseType(PgTypeOids.INT8, "int8", 8, 'N', false, 1016, "int8", 'd', false, "-"),
      new BaseType(PgTypeOids.FLOAT4, "float4", 4, 'N', false, 1021, "float4", 'i', false,
          "-"),
      new BaseType(PgTypeOids.FLOAT8, "float8", 8, 'N', true, 1022, "float8", 'd', false, "-"),
      new BaseType(PgTypeOids.NUMERIC, "numeric", -1, 'N', false, 1231, "numeric_", 'i', false,
          "numerictypmodin"),
      new BaseType(PgTypeOids.TEXT, "text", -1, 'S', true, 1009, "text", 'i', true, "-"),
      new BaseType(PgTypeOids.VARCHAR, "varchar", -1, 'S', false, 1015, "varchar", 'i', true,
          "varchartypmodin"),
      new BaseType(PgTypeOids.BPCHAR, "bpchar", -1, 'S', false, 1014, "bpchar", 'i', true,
          "bpchartypmodin"),
      new BaseType(PgTypeOids.DATE, "date", 4, 'D', false, 1182, "date_", 'i', false, "-"),
      new BaseType(PgTypeOids.TIMESTAMP, "timestamp", 8, 'D', false, 1115, "timestamp_", 'd',
          false, "timestamptypmodin"),
      new BaseType(PgTypeOids.NAME, "name", 64, 'S', false, 1003, "name", 'c', true, "-"),
      new BaseType(PgTypeOids.OID, "oid", 4, 'N', true, 1028, "oid", 'i', false, "-"),
      new BaseType(18, "char", 1, 'Z', false, 1002, "char", 'c', false, "-"),
      new BaseType(PgTypeOids.UUID, "uuid", 16, 'U', false, 2951, "uuid_", 'c', false, "-"),
      new BaseType(PgTypeOids.BYTEA, "bytea", -1, 'U', false, 1001, "bytea", 'i', false, "-"));

  PgTypeTable() {
    super(new Columns()
        .add("oid", DataType.INTEGER)
        .add("typname", DataType.TEXT)
        .add("typnamespace", DataType.INTEGER)
        .add("typowner", DataType.INTEGER)
        .add("typlen", DataType.SMALLINT)
        .add("typbyval", DataType.BOOLEAN)
        .add("typtype", DataType.TEXT)
        .add("typcategory", DataType.TEXT)
        .add("typispreferred", DataType.BOOLEAN)
        .add("typisdefined", DataType.BOOLEAN)
        .add("typdelim", DataType.TEXT)
        .add("typrelid", DataType.INTEGER)
        .add("typelem", DataType.INTEGER)
        .add("typarray", DataType.INTEGER)
        .add("typinput", DataType.INTEGER)
        .add("typoutput", DataType.INTEGER)
        .add("typreceive", DataType.INTEGER)
        .add("typsend", DataType.INTEGER)
        .add("typmodin", DataType.INTEGER)
        .add("typmodout", DataType.INTEGER)
        .add("typanalyze", DataType.INTEGER)
        .add("typalign", DataType.TEXT)
        .add("typstorage", DataType.TEXT)
        .add("typnotnull", DataType.BOOLEAN)
        .add("typbasetype", DataType.INTEGER)
        .add("typtypmod", DataType.INTEGER)
        .add("typndims", DataType.INTEGER)
        .add("typcollation", DataType.INTEGER)
        .add("typdefaultbin", DataType.TEXT)
        .add("typdefault", DataType.TEXT)
        .add("typacl", PgOids.TEXT_ARRAY));
  }

  @Override
  public List<List<Object>> rows() {
    List<List<Object>> rows = new ArrayList<>();
    for (BaseType type : TYPES) {
      String io = type.io();
      String typmodOut = type.typmodIn().equals("-") ? "-"
          : type.typmodIn().replace("typmodin", "typmodout");
      rows.add(row(type.oid(), type.name(), type.length(), String.valueOf(type.category()),
          type.preferred(), 0, type.arrayOid(), io, type.typmodIn(), typmodOut,
          String.valueOf(type.align()), type.collatable()));
    }
    for (BaseType type : TYPES) {
      rows.add(row(type.arrayOid(), "_" + type.name(), -1, "A", false, type.oid(), 0,
          "array_", type.typmodIn(), type.typmodIn().equals("-") ? "-"
              : type.typmodIn().replace("typmodin", "typmodout"),
          type.align() == 'd' ? "d" : "i", type.collatable()));
    }
    rows.add(row(PgTypeOids.INT2VECTOR, "int2vector", -1, "A", false, PgTypeOids.INT2, 1006,
        "int2vector", "-", "-", "i", false));
    rows.add(row(PgTypeOids.OIDVECTOR, "oidvector", -1, "A", false, PgTypeOids.OID, 1013,
        "oidvector", "-", "-", "i", false));
    return rows;
  }

  /**
   * typname of a type pg_type lists, or of the pseudo-types the I/O functions take (cstring,
   * internal, anyarray, cstring's array type).
   */
  public static String typeName(int oid) {
    for (BaseType type : TYPES) {
      if (type.oid() == oid) {
        return type.name();
      }
      if (type.arrayOid() == oid) {
        return "_" + type.name();
      }
    }
    return switch (oid) {
      case PgTypeOids.INT2VECTOR -> "int2vector";
      case PgTypeOids.OIDVECTOR -> "oidvector";
      case CSTRING_ARRAY -> "_cstring";
      default -> PgTypeNames.format(oid, -1);
    };
  }

  /**
   * information_schema's data_type of a type: ARRAY for arrays (int2vector and oidvector
   * included), else the type's SQL name without modifiers.
   */
  public static String informationSchemaName(int oid) {
    if (oid == CSTRING_ARRAY || PgTypeOids.elementOf(oid) != 0) {
      return "ARRAY";
    }
    return oid == PgTypeOids.BPCHAR ? "character" : PgTypeNames.format(oid, -1);
  }

  /** The OIDs of every type listed, all of them in pg_catalog. */
  public static List<Integer> oids() {
    List<Integer> oids = new ArrayList<>();
    for (BaseType type : TYPES) {
      oids.add(type.oid());
      oids.add(type.arrayOid());
    }
    oids.add(PgTypeOids.INT2VECTOR);
    oids.add(PgTypeOids.OIDVECTOR);
    return oids;
  }

  private static List<Object> row(int oid, String name, int length, String category,
      boolean preferred, int element, int array, String io, String typmodIn, String typmodOut,
      String align, boolean collatable) {
    return Arrays.asList(oid, name, PgOids.PG_CATALOG, PgOids.BOOTSTRAP_SUPERUSER, length,
        length > 0 && length <= 8, "b", category, preferred, true, ",", 0, element, array,
        function(io + "in"), function(io + "out"), function(io + "recv"), function(io + "send"),
        function(typmodIn), function(typmodOut), 0, align,
        length > 0 ? "p" : "x", false, 0, -1, 0, collatable ? PgOids.DEFAULT_COLLATION : 0,
        null, null, null);
  }

  /** A regproc column's value: the function's OID, 0 for none ("-"). */
  private static int function(String name) {
    return PgBuiltinFunctions.oid(name);
  }

  /** PostgreSQL's typalign of a column type. */
  static String alignment(DataType type) {
    return switch (type.id()) {
      case BOOLEAN, UUID -> "c";
      case SMALLINT -> "s";
      case BIGINT, DOUBLE, TIMESTAMP -> "d";
      default -> "i";
    };
  }
}
