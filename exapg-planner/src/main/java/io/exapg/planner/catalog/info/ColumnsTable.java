package io.exapg.planner.catalog.info;

import io.exapg.core.type.DataType;
import io.exapg.planner.catalog.SystemTable;
import io.exapg.storage.StorageEngine;
import io.exapg.storage.catalog.ColumnDef;
import io.exapg.storage.catalog.TableDef;
import io.exapg.storage.catalog.ViewDef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** information_schema.columns: the columns of the node's tables and views, as PostgreSQL. */
final class ColumnsTable extends SystemTable {
  private final StorageEngine storage;
  private final String database;

  ColumnsTable(StorageEngine storage, String database) {
    super(new Columns()
        .add("table_catalog", DataType.TEXT)
        .add("table_schema", DataType.TEXT)
        .add("table_name", DataType.TEXT)
        .add("column_name", DataType.TEXT)
        .add("ordinal_position", DataType.INTEGER)
        .add("column_default", DataType.TEXT)
        .add("is_nullable", DataType.TEXT)
        .add("data_type", DataType.TEXT)
        .add("character_maximum_length", DataType.INTEGER)
        .add("character_octet_length", DataType.INTEGER)
        .add("numeric_precision", DataType.INTEGER)
        .add("numeric_precision_radix", DataType.INTEGER)
        .add("numeric_scale", DataType.INTEGER)
        .add("datetime_precision", DataType.INTEGER)
        .add("udt_catalog", DataType.TEXT)
        .add("udt_schema", DataType.TEXT)
        .add("udt_name", DataType.TEXT)
        .add("is_identity", DataType.TEXT)
        .add("is_generated", DataType.TEXT)
        .add("is_updatable", DataType.TEXT));
    this.storage = storage;
    this.database = database;
  }

  @Override
  public List<List<Object>> rows() {
    List<List<Object>> rows = new ArrayList<>();
    for (TableDef table : storage.catalog().tables()) {
      add(rows, table.schema(), table.name(), table.columns(), "YES");
    }
    for (ViewDef view : storage.catalog().views()) {
      add(rows, view.schema(), view.name(), view.columns(), "NO");
    }
    return rows;
  }

  private void add(List<List<Object>> rows, String schema, String table,
      List<ColumnDef> columns, String updatable) {
    for (int c = 0; c < columns.size(); c++) {
      ColumnDef column = columns.get(c);
      DataType type = column.type();
      boolean bounded = type.isString() && type.precision() != DataType.UNBOUNDED;
      Integer length = bounded ? type.precision() : null;
      Integer octets = !type.isString() ? null : bounded ? type.precision() * 4 : 1073741824;
      rows.add(Arrays.asList(database, schema, table, column.name(), c + 1,
          column.defaultValue(), column.nullable() ? "YES" : "NO", dataType(type), length, octets,
          numericPrecision(type), numericRadix(type), numericScale(type),
          datetimePrecision(type), database, "pg_catalog", udtName(type), "NO", "NEVER",
          updatable));
    }
  }

  private static String dataType(DataType type) {
    return switch (type.id()) {
      case DECIMAL -> "numeric";
      case VARCHAR -> type.precision() == DataType.UNBOUNDED ? "text" : "character varying";
      case CHAR -> "character";
      case TIMESTAMP -> "timestamp without time zone";
      case ARRAY -> type.isVectorForm() ? type.sqlName() : "ARRAY";
      default -> type.sqlName();
    };
  }

  private static String udtName(DataType type) {
    return switch (type.id()) {
      case BOOLEAN -> "bool";
      case SMALLINT -> "int2";
      case INTEGER -> "int4";
      case BIGINT -> "int8";
      case DECIMAL -> "numeric";
      case REAL -> "float4";
      case DOUBLE -> "float8";
      case VARCHAR -> type.precision() == DataType.UNBOUNDED ? "text" : "varchar";
      case CHAR -> "bpchar";
      case DATE -> "date";
      case TIMESTAMP -> "timestamp";
      case UUID -> "uuid";
      case BYTEA -> "bytea";
      case ARRAY -> type.isVectorForm() ? type.sqlName() : "_" + udtName(type.element());
    };
  }

  private static Integer numericPrecision(DataType type) {
    return switch (type.id()) {
      case SMALLINT -> 16;
      case INTEGER -> 32;
      case BIGINT -> 64;
      case REAL -> 24;
      case DOUBLE -> 53;
      case DECIMAL -> type.precision();
      default -> null;
    };
  }

  private static Integer numericRadix(DataType type) {
    return switch (type.id()) {
      case SMALLINT, INTEGER, BIGINT, REAL, DOUBLE -> 2;
      case DECIMAL -> 10;
      default -> null;
    };
  }

  private static Integer numericScale(DataType type) {
    return switch (type.id()) {
      case SMALLINT, INTEGER, BIGINT -> 0;
      case DECIMAL -> type.scale();
      default -> null;
    };
  }

  private static Integer datetimePrecision(DataType type) {
    return switch (type.id()) {
      case DATE -> 0;
      case TIMESTAMP -> type.precision();
      default -> null;
    };
  }
}
