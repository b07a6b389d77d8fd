package io.exapg.planner.catalog.pg;

import io.exapg.core.type.ArrayText;
import io.exapg.core.type.DataType;
import io.exapg.planner.catalog.SystemSchema;
import io.exapg.planner.catalog.SystemTable;
import io.exapg.planner.catalog.info.InformationSchema;
import io.exapg.storage.StorageEngine;
import io.exapg.storage.catalog.Privilege;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** pg_namespace: pg_catalog, exa_catalog, information_schema and the node's schemas. */
final class PgNamespaceTable extends SystemTable {
  private final StorageEngine storage;

  PgNamespaceTable(StorageEngine storage) {
    super(new Columns()
        .add("oid", DataType.INTEGER)
        .add("nspname", DataType.TEXT)
        .add("nspowner", DataType.INTEGER)
        .add("nspacl", PgOids.TEXT_ARRAY));
    this.storage = storage;
  }

  @Override
  public List<List<Object>> rows() {
    List<List<Object>> rows = new ArrayList<>();
    rows.add(row(PgOids.PG_CATALOG, PgCatalogSchema.NAME, PgOids.BOOTSTRAP_SUPERUSER, null));
    rows.add(row(PgOids.EXA_CATALOG, SystemSchema.NAME, PgOids.BOOTSTRAP_SUPERUSER, null));
    rows.add(row(PgOids.INFORMATION_SCHEMA, InformationSchema.NAME,
        PgOids.BOOTSTRAP_SUPERUSER, null));
    for (String schema : storage.catalog().schemas()) {
      long id = storage.catalog().schemaId(schema);
      List<String> acl = PgAcl.of(storage.access(), id, Privilege.SCHEMA, Map.of());
      rows.add(row(PgOids.namespace(storage.catalog(), schema), schema,
          (int) storage.access().owner(id), acl == null ? null : ArrayText.format(acl)));
    }
    return rows;
  }

  private static List<Object> row(int oid, String name, int owner, String acl) {
    return Arrays.asList(oid, name, owner, acl);
  }
}
