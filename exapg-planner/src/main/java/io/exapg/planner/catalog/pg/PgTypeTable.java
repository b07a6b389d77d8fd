package io.exapg.planner.catalog.pg;

import io.exapg.core.type.DataType;
import io.exapg.core.type.PgTypeOids;
import io.exapg.planner.catalog.SystemTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** pg_type: the base types ExaPG has, plus name, oid and "char" that catalogs use. */
final class PgTypeTable extends SystemTable {
  /** One base type as PostgreSQL describes it; io is the prefix of its I/O functions. */
  private record BaseType(int oid, String name, int length, char category, boolean preferred,
      int arrayOid, String io, char align, boolean collatable, String typmodIn) {
  }

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
      new BaseType(18, "char", 1, 'Z', false, 1002, "char", 'c', false, "-"));

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
        .add("typinput", DataType.TEXT)
        .add("typoutput", DataType.TEXT)
        .add("typreceive", DataType.TEXT)
        .add("typsend", DataType.TEXT)
        .add("typmodin", DataType.TEXT)
        .add("typmodout", DataType.TEXT)
        .add("typanalyze", DataType.TEXT)
        .add("typalign", DataType.TEXT)
        .add("typstorage", DataType.TEXT)
        .add("typnotnull", DataType.BOOLEAN)
        .add("typbasetype", DataType.INTEGER)
        .add("typtypmod", DataType.INTEGER)
        .add("typndims", DataType.INTEGER)
        .add("typcollation", DataType.INTEGER)
        .add("typdefaultbin", DataType.TEXT)
        .add("typdefault", DataType.TEXT)
        .add("typacl", DataType.TEXT));
  }

  @Override
  public List<List<Object>> rows() {
    List<List<Object>> rows = new ArrayList<>();
    for (BaseType type : TYPES) {
      String io = type.io();
      String typmodOut = type.typmodIn().equals("-") ? "-"
          : type.typmodIn().replace("typmodin", "typmodout");
      rows.add(Arrays.asList(type.oid(), type.name(), PgOids.PG_CATALOG,
          PgOids.BOOTSTRAP_SUPERUSER, type.length(), type.length() > 0
              && type.length() <= 8, "b", String.valueOf(type.category()), type.preferred(),
          true, ",", 0, 0, type.arrayOid(), io + "in", io + "out", io + "recv", io + "send",
          type.typmodIn(), typmodOut, "-",
          String.valueOf(type.align()), type.length() > 0 ? "p" : "x", false, 0, -1, 0,
          type.collatable() ? PgOids.DEFAULT_COLLATION : 0, null, null, null));
    }
    return rows;
  }

  /** PostgreSQL's typalign of a column type. */
  static String alignment(DataType type) {
    return switch (type.id()) {
      case BOOLEAN -> "c";
      case SMALLINT -> "s";
      case BIGINT, DOUBLE, TIMESTAMP -> "d";
      default -> "i";
    };
  }
}
