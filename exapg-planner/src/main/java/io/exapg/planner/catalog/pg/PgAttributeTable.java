package io.exapg.planner.catalog.pg;

import io.exapg.core.type.DataType;
import io.exapg.planner.catalog.SystemTable;
import io.exapg.storage.StorageEngine;
import io.exapg.storage.catalog.ColumnDef;
import io.exapg.storage.catalog.TableDef;
import io.exapg.storage.catalog.ViewDef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** pg_attribute: the columns of the node's tables and views, numbered from 1. */
final class PgAttributeTable extends SystemTable {
  private final StorageEngine storage;

  PgAttributeTable(StorageEngine storage) {
    super(new Columns()
        .add("attrelid", DataType.INTEGER)
        .add("attname", DataType.TEXT)
        .add("atttypid", DataType.INTEGER)
        .add("attstattarget", DataType.INTEGER)
        .add("attlen", DataType.SMALLINT)
        .add("attnum", DataType.SMALLINT)
        .add("attndims", DataType.INTEGER)
        .add("attcacheoff", DataType.INTEGER)
        .add("atttypmod", DataType.INTEGER)
        .add("attbyval", DataType.BOOLEAN)
        .add("attalign", DataType.TEXT)
        .add("attstorage", DataType.TEXT)
        .add("attcompression", DataType.TEXT)
        .add("attnotnull", DataType.BOOLEAN)
        .add("atthasdef", DataType.BOOLEAN)
        .add("atthasmissing", DataType.BOOLEAN)
        .add("attidentity", DataType.TEXT)
        .add("attgenerated", DataType.TEXT)
        .add("attisdropped", DataType.BOOLEAN)
        .add("attislocal", DataType.BOOLEAN)
        .add("attinhcount", DataType.INTEGER)
        .add("attcollation", DataType.INTEGER)
        .add("attacl", PgOids.TEXT_ARRAY)
        .add("attoptions", PgOids.TEXT_ARRAY)
        .add("attfdwoptions", PgOids.TEXT_ARRAY)
        .add("attmissingval", DataType.TEXT));
    this.storage = storage;
  }

  @Override
  public List<List<Object>> rows() {
    List<List<Object>> rows = new ArrayList<>();
    for (TableDef table : storage.catalog().tables()) {
      addColumns(rows, PgOids.relation(table.id()), table.columns());
    }
    for (ViewDef view : storage.catalog().views()) {
      addColumns(rows, PgOids.relation(view.id()), view.columns());
    }
    return rows;
  }

  private static void addColumns(List<List<Object>> rows, int relation,
      List<ColumnDef> columns) {
    for (int c = 0; c < columns.size(); c++) {
      ColumnDef column = columns.get(c);
      DataType type = column.type();
      int length = type.pgTypeSize();
      rows.add(Arrays.asList(relation, column.name(), type.pgOid(), -1, length,
          (c + 1), 0, -1, type.pgTypmod(), length > 0 && length <= 8,
          PgTypeTable.alignment(type), length > 0 ? "p" : "x", "", !column.nullable(),
          column.defaultValue() != null, false, "", "", false, true, 0, type.isString() ? PgOids.DEFAULT_COLLATION : 0, null,
          null, null, null));
    }
  }
}
