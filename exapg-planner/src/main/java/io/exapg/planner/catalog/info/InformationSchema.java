package io.exapg.planner.catalog.info;

import io.exapg.storage.StorageEngine;
import java.util.Map;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * information_schema: the SQL standard's views of schemas, tables, views, columns,
 * constraints and routines, for tools that read those instead of pg_catalog.
 */
public final class InformationSchema extends AbstractSchema {
  public static final String NAME = "information_schema";

  private final Map<String, Table> tables;

  public InformationSchema(StorageEngine storage, String database, String owner) {
    this.tables = Map.ofEntries(
        Map.entry("schemata", new SchemataTable(storage, database, owner)),
        Map.entry("tables", new TablesTable(storage, database)),
        Map.entry("views", new ViewsTable(storage, database)),
        Map.entry("columns", new ColumnsTable(storage, database)),
        Map.entry("table_constraints", ConstraintsTable.tableConstraints(storage, database)),
        Map.entry("key_column_usage", ConstraintsTable.keyColumnUsage(storage, database)),
        Map.entry("constraint_column_usage",
            ConstraintsTable.constraintColumnUsage(storage, database)),
        Map.entry("check_constraints", ConstraintsTable.checkConstraints(storage, database)),
        Map.entry("referential_constraints",
            ConstraintsTable.referentialConstraints(storage, database)),
        Map.entry("table_privileges", TablePrivilegesTable.tablePrivileges(storage, database)),
        Map.entry("role_table_grants", TablePrivilegesTable.roleTableGrants(storage, database)),
        Map.entry("routines", new RoutinesTable(database)),
        Map.entry("parameters", new ParametersTable(database)));
  }

  @Override
  protected Map<String, Table> getTableMap() {
    return tables;
  }
}
