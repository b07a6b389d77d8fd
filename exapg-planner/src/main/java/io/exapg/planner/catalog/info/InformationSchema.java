package io.exapg.planner.catalog.info;

import io.exapg.storage.StorageEngine;
import java.util.Map;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * information_schema: the SQL standard's views of schemas, tables, views, columns and key
 * constraints, for
 * tools that read those instead of pg_catalog.
 */
public final class InformationSchema extends AbstractSchema {
  public static final String NAME = "information_schema";

  private final Map<String, Table> tables;

  public InformationSchema(StorageEngine storage, String database, String owner) {
    this.tables = Map.of(
        "schemata", new SchemataTable(storage, database, owner),
        "tables", new TablesTable(storage, database),
        "views", new ViewsTable(storage, database),
        "columns", new ColumnsTable(storage, database),
        "table_constraints", ConstraintsTable.tableConstraints(storage, database),
        "key_column_usage", ConstraintsTable.keyColumnUsage(storage, database));
  }

  @Override
  protected Map<String, Table> getTableMap() {
    return tables;
  }
}
