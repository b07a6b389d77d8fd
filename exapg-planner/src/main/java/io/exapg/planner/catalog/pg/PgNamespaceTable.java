package io.exapg.planner.catalog.pg;

import io.exapg.core.type.DataType;
import io.exapg.planner.catalog.SystemSchema;
import io.exapg.planner.catalog.SystemTable;
import io.exapg.planner.catalog.info.InformationSchema;
import io.exapg.storage.StorageEngine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** pg_namespace: pg_catalog, exa_catalog, information_schema and the node's schemas. */
final class PgNamespaceTable extends SystemTable {
  private final StorageEngine storage;

  PgNamespaceTable(StorageEngine storage) {
    super(new Columns()
        .add("oid", DataType.INTEGER)
        .add("nspname", DataType.TEXT)
        .add("nspowner", DataType.INTEGER)
        .add("nspacl", DataType.TEXT));
    this.storage = storage;
  }

  @Override
  public List<List<Object>> rows() {
    List<List<Object>> rows = new ArrayList<>();
    rows.add(row(PgOids.PG_CATALOG, PgCatalogSchema.NAME, PgOids.BOOTSTRAP_SUPERUSER));
    rows.add(row(PgOids.EXA_CATALOG, SystemSchema.NAME, PgOids.BOOTSTRAP_SUPERUSER));
    rows.add(row(PgOids.INFORMATION_SCHEMA, InformationSchema.NAME,
        PgOids.BOOTSTRAP_SUPERUSER));
    for (String schema : storage.catalog().schemas()) {
      rows.add(row(PgOids.namespace(storage.catalog(), schema), schema,
          (int) storage.access().owner(storage.catalog().schemaId(schema))));
    }
    return rows;
  }

  private static List<Object> row(int oid, String name, int owner) {
    return Arrays.asList(oid, name, owner, null);
  }
}
