package io.exapg.planner.catalog.pg;

import io.exapg.core.type.ArrayText;
import io.exapg.core.type.DataType;
import io.exapg.planner.catalog.SystemTable;
import io.exapg.storage.StorageEngine;
import io.exapg.storage.catalog.Catalog;
import io.exapg.storage.catalog.IndexDef;
import io.exapg.storage.catalog.Privilege;
import io.exapg.storage.catalog.TableDef;
import io.exapg.storage.catalog.ViewDef;
import io.exapg.storage.table.TableSnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** pg_class: the node's tables (relkind 'r'), their indexes ('i') and views ('v'). */
final class PgClassTable extends SystemTable {
  private final StorageEngine storage;

  PgClassTable(StorageEngine storage) {
    super(new Columns()
        .add("oid", DataType.INTEGER)
        .add("relname", DataType.TEXT)
        .add("relnamespace", DataType.INTEGER)
        .add("reltype", DataType.INTEGER)
        .add("reloftype", DataType.INTEGER)
        .add("relowner", DataType.INTEGER)
        .add("relam", DataType.INTEGER)
        .add("relfilenode", DataType.INTEGER)
        .add("reltablespace", DataType.INTEGER)
        .add("relpages", DataType.INTEGER)
        .add("reltuples", DataType.DOUBLE)
        .add("relallvisible", DataType.INTEGER)
        .add("reltoastrelid", DataType.INTEGER)
        .add("relhasindex", DataType.BOOLEAN)
        .add("relisshared", DataType.BOOLEAN)
        .add("relpersistence", DataType.TEXT)
        .add("relkind", DataType.TEXT)
        .add("relnatts", DataType.SMALLINT)
        .add("relchecks", DataType.SMALLINT)
        .add("relhasrules", DataType.BOOLEAN)
        .add("relhastriggers", DataType.BOOLEAN)
        .add("relhassubclass", DataType.BOOLEAN)
        .add("relrowsecurity", DataType.BOOLEAN)
        .add("relforcerowsecurity", DataType.BOOLEAN)
        .add("relispopulated", DataType.BOOLEAN)
        .add("relreplident", DataType.TEXT)
        .add("relispartition", DataType.BOOLEAN)
        .add("relrewrite", DataType.INTEGER)
        .add("relacl", PgOids.TEXT_ARRAY)
        .add("reloptions", PgOids.TEXT_ARRAY)
        .add("relpartbound", DataType.TEXT));
    this.storage = storage;
  }

  @Override
  public List<List<Object>> rows() {
    Catalog catalog = storage.catalog();
    List<List<Object>> rows = new ArrayList<>();
    for (TableDef table : catalog.tables()) {
      TableSnapshot snapshot = storage.snapshot(table.id());
      double tuples = snapshot == null ? 0 : snapshot.rowCount();
      rows.add(row(PgOids.relation(table.id()), table.name(),
          PgOids.namespace(catalog, table.schema()), owner(table.id()),
          PgOids.HEAP_ACCESS_METHOD, tuples, "r", table.columns().size(),
          !table.indexes().isEmpty(), acl(table.id())));
      for (IndexDef index : table.indexes()) {
        rows.add(row(PgOids.relation(index.id()), index.name(),
            PgOids.namespace(catalog, table.schema()), owner(table.id()),
            PgOids.BTREE_ACCESS_METHOD, tuples, "i", index.columns().size(), false, null));
      }
    }
    for (ViewDef view : catalog.views()) {
      rows.add(row(PgOids.relation(view.id()), view.name(),
          PgOids.namespace(catalog, view.schema()), owner(view.id()), 0, -1, "v",
          view.columns().size(), false, acl(view.id())));
    }
    return rows;
  }

  private int owner(long objectId) {
    return (int) storage.access().owner(objectId);
  }

  private String acl(long objectId) {
    List<String> entries = PgAcl.of(storage.access(), objectId, Privilege.TABLE, Map.of());
    return entries == null ? null : ArrayText.format(entries);
  }

  private static List<Object> row(int oid, String name, int namespace, int owner,
      int accessMethod, double tuples, String kind, int columns, boolean hasIndex, String acl) {
    return Arrays.asList(oid, name, namespace, 0, 0, owner, accessMethod,
        oid, 0, 0, tuples, 0, 0, hasIndex, false, "p", kind, columns, 0, false,
        false, false, false, false, true, "d", false, 0, acl, null, null);
  }
}
