package io.exapg.planner.catalog.info;

import io.exapg.core.type.DataType;
import io.exapg.planner.catalog.SystemSchema;
import io.exapg.planner.catalog.SystemTable;
import io.exapg.planner.catalog.pg.PgCatalogSchema;
import io.exapg.storage.StorageEngine;
import io.exapg.storage.catalog.RoleDef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** information_schema.schemata: the system schemas and the node's schemas. */
final class SchemataTable extends SystemTable {
  private final StorageEngine storage;
  private final String database;
  private final String owner;

  SchemataTable(StorageEngine storage, String database, String owner) {
    super(new Columns()
        .add("catalog_name", DataType.TEXT)
        .add("schema_name", DataType.TEXT)
        .add("schema_owner", DataType.TEXT)
        .add("default_character_set_catalog", DataType.TEXT)
        .add("default_character_set_schema", DataType.TEXT)
        .add("default_character_set_name", DataType.TEXT)
        .add("sql_path", DataType.TEXT));
    this.storage = storage;
    this.database = database;
    this.owner = owner;
  }

  @Override
  public List<List<Object>> rows() {
    List<String> names = new ArrayList<>(List.of(PgCatalogSchema.NAME, InformationSchema.NAME,
        SystemSchema.NAME));
    names.addAll(storage.catalog().schemas());
    List<List<Object>> rows = new ArrayList<>();
    for (String name : names) {
      long id = storage.catalog().schemaId(name);
      RoleDef role = id < 0 ? null : storage.access().role(storage.access().owner(id));
      rows.add(Arrays.asList(database, name, role == null ? owner : role.name(), null, null,
          null, null));
    }
    return rows;
  }
}
