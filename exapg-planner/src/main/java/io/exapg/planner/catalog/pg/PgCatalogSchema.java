package io.exapg.planner.catalog.pg;

import io.exapg.core.type.DataType;
import io.exapg.planner.catalog.SystemTable.Columns;
import io.exapg.storage.StorageEngine;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * pg_catalog: PostgreSQL's system catalogs over ExaPG's catalog, for the queries psql, JDBC
 * drivers and BI tools send. Tables whose objects ExaPG does not have (column defaults,
 * comments, inheritance) are there and empty.
 */
public final class PgCatalogSchema extends AbstractSchema {
  public static final String NAME = "pg_catalog";

  private final Map<String, Table> tables;

  public PgCatalogSchema(StorageEngine storage, String database,
      Supplier<List<SessionActivity>> sessions) {
    this.tables = Map.ofEntries(
        Map.entry("pg_stat_activity", new PgStatActivityTable(sessions)),
        Map.entry("pg_settings", new PgSettingsTable()),
        Map.entry("pg_namespace", new PgNamespaceTable(storage)),
        Map.entry("pg_class", new PgClassTable(storage)),
        Map.entry("pg_attribute", new PgAttributeTable(storage)),
        Map.entry("pg_type", new PgTypeTable()),
        Map.entry("pg_am", new PgFixedTable(new Columns()
            .add("oid", DataType.INTEGER)
            .add("amname", DataType.TEXT)
            .add("amhandler", DataType.TEXT)
            .add("amtype", DataType.TEXT), List.of(
                Arrays.asList(PgOids.HEAP_ACCESS_METHOD, "heap", "heap_tableam_handler", "t"),
                Arrays.asList(403, "btree", "bthandler", "i")))),
        Map.entry("pg_tablespace", new PgFixedTable(new Columns()
            .add("oid", DataType.INTEGER)
            .add("spcname", DataType.TEXT)
            .add("spcowner", DataType.INTEGER)
            .add("spcacl", DataType.TEXT)
            .add("spcoptions", DataType.TEXT), List.of(
                Arrays.asList(PgOids.DEFAULT_TABLESPACE, "pg_default",
                    PgOids.BOOTSTRAP_SUPERUSER, null, null),
                Arrays.asList(1664, "pg_global", PgOids.BOOTSTRAP_SUPERUSER, null, null)))),
        Map.entry("pg_database", new PgFixedTable(new Columns()
            .add("oid", DataType.INTEGER)
            .add("datname", DataType.TEXT)
            .add("datdba", DataType.INTEGER)
            .add("encoding", DataType.INTEGER)
            .add("datlocprovider", DataType.TEXT)
            .add("datistemplate", DataType.BOOLEAN)
            .add("datallowconn", DataType.BOOLEAN)
            .add("datconnlimit", DataType.INTEGER)
            .add("datcollate", DataType.TEXT)
            .add("datctype", DataType.TEXT)
            .add("daticulocale", DataType.TEXT)
            .add("dattablespace", DataType.INTEGER)
            .add("datacl", DataType.TEXT), List.of(
                Arrays.asList(PgOids.DATABASE, database, PgOids.BOOTSTRAP_SUPERUSER,
                    PgEncodings.UTF8, "c", false, true, -1, "C.UTF-8", "C.UTF-8", null,
                    PgOids.DEFAULT_TABLESPACE, null)))),
        Map.entry("pg_roles", new PgRolesTable(storage.access(), PgRolesTable.Kind.ROLES)),
        Map.entry("pg_user", new PgRolesTable(storage.access(), PgRolesTable.Kind.USERS)),
        Map.entry("pg_auth_members", new PgRolesTable(storage.access(),
            PgRolesTable.Kind.MEMBERS)),
        Map.entry("pg_description", new PgFixedTable(new Columns()
            .add("objoid", DataType.INTEGER)
            .add("classoid", DataType.INTEGER)
            .add("objsubid", DataType.INTEGER)
            .add("description", DataType.TEXT), List.of())),
        Map.entry("pg_collation", new PgFixedTable(new Columns()
            .add("oid", DataType.INTEGER)
            .add("collname", DataType.TEXT)
            .add("collnamespace", DataType.INTEGER)
            .add("collowner", DataType.INTEGER)
            .add("collprovider", DataType.TEXT)
            .add("collisdeterministic", DataType.BOOLEAN)
            .add("collencoding", DataType.INTEGER)
            .add("collcollate", DataType.TEXT)
            .add("collctype", DataType.TEXT)
            .add("colliculocale", DataType.TEXT)
            .add("collversion", DataType.TEXT), List.of(
                Arrays.asList(PgOids.DEFAULT_COLLATION, "default", PgOids.PG_CATALOG,
                    PgOids.BOOTSTRAP_SUPERUSER, "d", true, -1, null, null, null, null),
                Arrays.asList(950, "C", PgOids.PG_CATALOG, PgOids.BOOTSTRAP_SUPERUSER, "c", true,
                    -1, "C", "C", null, null),
                Arrays.asList(951, "POSIX", PgOids.PG_CATALOG, PgOids.BOOTSTRAP_SUPERUSER, "c",
                    true, -1, "POSIX", "POSIX", null, null)))),
        Map.entry("pg_index", PgIndexTable.indexes(storage)),
        Map.entry("pg_constraint", PgIndexTable.constraints(storage)),
        Map.entry("pg_attrdef", new PgFixedTable(new Columns()
            .add("oid", DataType.INTEGER)
            .add("adrelid", DataType.INTEGER)
            .add("adnum", DataType.SMALLINT)
            .add("adbin", DataType.TEXT), List.of())),
        Map.entry("pg_inherits", new PgFixedTable(new Columns()
            .add("inhrelid", DataType.INTEGER)
            .add("inhparent", DataType.INTEGER)
            .add("inhseqno", DataType.INTEGER)
            .add("inhdetachpending", DataType.BOOLEAN), List.of())));
  }

  @Override
  protected Map<String, Table> getTableMap() {
    return tables;
  }
}
