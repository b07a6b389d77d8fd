package io.exapg.planner.catalog.pg;

import io.exapg.core.type.DataType;
import io.exapg.planner.catalog.SystemTable;
import io.exapg.storage.StorageEngine;
import io.exapg.storage.catalog.ColumnDef;
import io.exapg.storage.catalog.TableDef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * pg_attrdef: the DEFAULT expressions of table columns. adbin holds the expression as SQL
 * text (PostgreSQL's holds a node tree that only pg_get_expr reads; ExaPG's pg_get_expr returns
 * the text).
 */
final class PgAttrdefTable extends SystemTable {
  private final StorageEngine storage;

  PgAttrdefTable(StorageEngine storage) {
    super(new Columns()
        .add("oid", DataType.INTEGER)
        .add("adrelid", DataType.INTEGER)
        .add("adnum", DataType.SMALLINT)
        .add("adbin", DataType.TEXT));
    this.storage = storage;
  }

  @Override
  public List<List<Object>> rows() {
    List<List<Object>> rows = new ArrayList<>();
    for (TableDef table : storage.catalog().tables()) {
      int relation = PgOids.relation(table.id());
      for (int c = 0; c < table.columns().size(); c++) {
        ColumnDef column = table.columns().get(c);
        if (column.defaultValue() != null) {
          rows.add(Arrays.asList(PgOids.attributeDefault(relation, c + 1), relation,
              c + 1, column.defaultValue()));
        }
      }
    }
    return rows;
  }
}
