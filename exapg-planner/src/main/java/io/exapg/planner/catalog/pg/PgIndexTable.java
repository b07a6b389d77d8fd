package io.exapg.planner.catalog.pg;

import io.exapg.core.type.ArrayText;
import io.exapg.core.type.DataType;
import io.exapg.planner.catalog.SystemTable;
import io.exapg.storage.StorageEngine;
import io.exapg.storage.catalog.Catalog;
import io.exapg.storage.catalog.IndexDef;
import io.exapg.storage.catalog.TableDef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * pg_index and pg_constraint over the tables' primary keys, unique constraints and indexes.
 * Column lists are int2vector (pg_index) and smallint[] (pg_constraint), as in PostgreSQL.
 */
final class PgIndexTable extends SystemTable {
  private final StorageEngine storage;
  private final boolean constraints;

  private PgIndexTable(Columns columns, StorageEngine storage, boolean constraints) {
    super(columns);
    this.storage = storage;
    this.constraints = constraints;
  }

  static PgIndexTable indexes(StorageEngine storage) {
    return new PgIndexTable(new Columns()
        .add("indexrelid", DataType.INTEGER)
        .add("indrelid", DataType.INTEGER)
        .add("indnatts", DataType.SMALLINT)
        .add("indnkeyatts", DataType.SMALLINT)
        .add("indisunique", DataType.BOOLEAN)
        .add("indisprimary", DataType.BOOLEAN)
        .add("indisexclusion", DataType.BOOLEAN)
        .add("indimmediate", DataType.BOOLEAN)
        .add("indisclustered", DataType.BOOLEAN)
        .add("indisvalid", DataType.BOOLEAN)
        .add("indisready", DataType.BOOLEAN)
        .add("indislive", DataType.BOOLEAN)
        .add("indisreplident", DataType.BOOLEAN)
        .add("indkey", DataType.vector(DataType.SMALLINT))
        .add("indoption", DataType.vector(DataType.SMALLINT))
        .add("indexprs", DataType.TEXT)
        .add("indpred", DataType.TEXT), storage, false);
  }

  static PgIndexTable constraints(StorageEngine storage) {
    return new PgIndexTable(new Columns()
        .add("oid", DataType.INTEGER)
        .add("conname", DataType.TEXT)
        .add("connamespace", DataType.INTEGER)
        .add("contype", DataType.TEXT)
        .add("condeferrable", DataType.BOOLEAN)
        .add("condeferred", DataType.BOOLEAN)
        .add("convalidated", DataType.BOOLEAN)
        .add("conrelid", DataType.INTEGER)
        .add("contypid", DataType.INTEGER)
        .add("conindid", DataType.INTEGER)
        .add("confrelid", DataType.INTEGER)
        .add("confupdtype", DataType.TEXT)
        .add("confdeltype", DataType.TEXT)
        .add("confmatchtype", DataType.TEXT)
        .add("conkey", DataType.array(DataType.SMALLINT))
        .add("confkey", DataType.array(DataType.SMALLINT)), storage, true);
  }

  @Override
  public List<List<Object>> rows() {
    Catalog catalog = storage.catalog();
    List<List<Object>> rows = new ArrayList<>();
    for (TableDef table : catalog.tables()) {
      for (IndexDef index : table.indexes()) {
        List<Integer> attnums = index.columns().stream()
            .map(column -> table.columnIndex(column) + 1).toList();
        List<Integer> zeros = attnums.stream().map(attnum -> 0).toList();
        if (!constraints) {
          rows.add(Arrays.asList(PgOids.relation(index.id()), PgOids.relation(table.id()),
              attnums.size(), attnums.size(), index.unique(), index.primary(), false, true,
              false, true, true, true, false, vector(attnums), vector(zeros), null, null));
        } else if (index.constraint()) {
          rows.add(Arrays.asList(PgOids.constraint(index.id()), index.name(),
              PgOids.namespace(catalog, table.schema()), index.primary() ? "p" : "u", false,
              false, true, PgOids.relation(table.id()), 0, PgOids.relation(index.id()), 0,
              " ", " ", " ", vector(attnums), null));
        }
      }
    }
    return rows;
  }

  /** An int2vector, oidvector or array value: the canonical array text. */
  private static String vector(List<Integer> values) {
    return ArrayText.format(values.stream().map(String::valueOf).toList());
  }
}
