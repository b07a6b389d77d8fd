package io.exapg.planner.catalog.pg;

import com.google.common.collect.ImmutableMultimap;
import com.google.common.collect.Multimap;
import io.exapg.core.type.DataType;
import io.exapg.planner.catalog.GenerateSeriesFunction;
import io.exapg.planner.catalog.KeywordsFunction;
import io.exapg.planner.catalog.SystemTable.Columns;
import io.exapg.storage.StorageEngine;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.calcite.schema.Function;
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
    Map<String, Table> all = new HashMap<>(Map.ofEntries(
        Map.entry("pg_stat_activity", new PgStatActivityTable(sessions)),
        Map.entry("pg_stat_user_tables", new PgStatUserTablesTable(storage)),
        Map.entry("pg_tables", new PgTablesView(storage, PgTablesView.Kind.TABLES)),
        Map.entry("pg_views", new PgTablesView(storage, PgTablesView.Kind.VIEWS)),
        Map.entry("pg_matviews", new PgTablesView(storage,
            PgTablesView.Kind.MATERIALIZED_VIEWS)),
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
            .add("spcacl", PgOids.TEXT_ARRAY)
            .add("spcoptions", PgOids.TEXT_ARRAY), List.of(
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
            .add("datacl", PgOids.TEXT_ARRAY), List.of(
                Arrays.asList(PgOids.DATABASE, database, PgOids.BOOTSTRAP_SUPERUSER,
                    PgEncodings.UTF8, "c", false, true, -1, "C.UTF-8", "C.UTF-8", null,
                    PgOids.DEFAULT_TABLESPACE, null)))),
        Map.entry("pg_roles", new PgRolesTable(storage.access(), PgRolesTable.Kind.ROLES)),
        Map.entry("pg_user", new PgRolesTable(storage.access(), PgRolesTable.Kind.USERS)),
        Map.entry("pg_auth_members", new PgRolesTable(storage.access(),
            PgRolesTable.Kind.MEMBERS)),
        Map.entry("pg_description", new PgDescriptionTable(storage)),
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
        Map.entry("pg_attrdef", new PgAttrdefTable(storage)),
        Map.entry("pg_inherits", new PgFixedTable(new Columns()
            .add("inhrelid", DataType.INTEGER)
            .add("inhparent", DataType.INTEGER)
            .add("inhseqno", DataType.INTEGER)
            .add("inhdetachpending", DataType.BOOLEAN), List.of())),
        // No user-defined functions yet; of the built-in ones, the types' I/O functions.
        Map.entry("pg_proc", new PgFixedTable(new Columns()
            .add("oid", DataType.INTEGER)
            .add("proname", DataType.TEXT)
            .add("pronamespace", DataType.INTEGER)
            .add("proowner", DataType.INTEGER)
            .add("prolang", DataType.INTEGER)
            .add("procost", DataType.REAL)
            .add("prorows", DataType.REAL)
            .add("provariadic", DataType.INTEGER)
            .add("prokind", DataType.TEXT)
            .add("prosecdef", DataType.BOOLEAN)
            .add("proisstrict", DataType.BOOLEAN)
            .add("proretset", DataType.BOOLEAN)
            .add("provolatile", DataType.TEXT)
            .add("pronargs", DataType.SMALLINT)
            .add("pronargdefaults", DataType.SMALLINT)
            .add("prorettype", DataType.INTEGER)
            .add("proargtypes", DataType.vector(DataType.INTEGER))
            .add("proallargtypes", DataType.array(DataType.INTEGER))
            .add("proargmodes", PgOids.TEXT_ARRAY)
            .add("proargnames", PgOids.TEXT_ARRAY)
            .add("prosrc", DataType.TEXT)
            .add("proconfig", PgOids.TEXT_ARRAY)
            .add("proacl", PgOids.TEXT_ARRAY), PgBuiltinFunctions.rows())),
        // No enums, domains, ranges, sequences, row security policies, rules, triggers or
        // extended statistics exist.
        Map.entry("pg_largeobject_metadata", new PgFixedTable(new Columns()
            .add("oid", DataType.INTEGER)
            .add("lomowner", DataType.INTEGER)
            .add("lomacl", PgOids.TEXT_ARRAY), List.of())),
        Map.entry("pg_enum", new PgFixedTable(new Columns()
            .add("oid", DataType.INTEGER)
            .add("enumtypid", DataType.INTEGER)
            .add("enumsortorder", DataType.REAL)
            .add("enumlabel", DataType.TEXT), List.of())),
        Map.entry("pg_range", new PgFixedTable(new Columns()
            .add("rngtypid", DataType.INTEGER)
            .add("rngsubtype", DataType.INTEGER)
            .add("rngmultitypid", DataType.INTEGER)
            .add("rngcollation", DataType.INTEGER)
            .add("rngsubopc", DataType.INTEGER)
            .add("rngcanonical", DataType.TEXT)
            .add("rngsubdiff", DataType.TEXT), List.of())),
        Map.entry("pg_sequence", new PgFixedTable(new Columns()
            .add("seqrelid", DataType.INTEGER)
            .add("seqtypid", DataType.INTEGER)
            .add("seqstart", DataType.BIGINT)
            .add("seqincrement", DataType.BIGINT)
            .add("seqmax", DataType.BIGINT)
            .add("seqmin", DataType.BIGINT)
            .add("seqcache", DataType.BIGINT)
            .add("seqcycle", DataType.BOOLEAN), List.of())),
        Map.entry("pg_policy", new PgFixedTable(new Columns()
            .add("oid", DataType.INTEGER)
            .add("polname", DataType.TEXT)
            .add("polrelid", DataType.INTEGER)
            .add("polcmd", DataType.TEXT)
            .add("polpermissive", DataType.BOOLEAN)
            .add("polroles", DataType.array(DataType.INTEGER))
            .add("polqual", DataType.TEXT)
            .add("polwithcheck", DataType.TEXT), List.of())),
        Map.entry("pg_rewrite", new PgFixedTable(new Columns()
            .add("oid", DataType.INTEGER)
            .add("rulename", DataType.TEXT)
            .add("ev_class", DataType.INTEGER)
            .add("ev_type", DataType.TEXT)
            .add("ev_enabled", DataType.TEXT)
            .add("is_instead", DataType.BOOLEAN), List.of())),
        Map.entry("pg_trigger", new PgFixedTable(new Columns()
            .add("oid", DataType.INTEGER)
            .add("tgrelid", DataType.INTEGER)
            .add("tgparentid", DataType.INTEGER)
            .add("tgname", DataType.TEXT)
            .add("tgfoid", DataType.INTEGER)
            .add("tgtype", DataType.SMALLINT)
            .add("tgenabled", DataType.TEXT)
            .add("tgisinternal", DataType.BOOLEAN)
            .add("tgconstraint", DataType.INTEGER), List.of())),
        Map.entry("pg_statistic_ext", new PgFixedTable(new Columns()
            .add("oid", DataType.INTEGER)
            .add("stxrelid", DataType.INTEGER)
            .add("stxname", DataType.TEXT)
            .add("stxnamespace", DataType.INTEGER)
            .add("stxowner", DataType.INTEGER)
            .add("stxstattarget", DataType.INTEGER)
            .add("stxkeys", DataType.vector(DataType.SMALLINT))
            .add("stxkind", PgOids.TEXT_ARRAY), List.of())),
        Map.entry("pg_publication", new PgFixedTable(new Columns()
            .add("oid", DataType.INTEGER)
            .add("pubname", DataType.TEXT)
            .add("pubowner", DataType.INTEGER)
            .add("puballtables", DataType.BOOLEAN)
            .add("pubinsert", DataType.BOOLEAN)
            .add("pubupdate", DataType.BOOLEAN)
            .add("pubdelete", DataType.BOOLEAN)
            .add("pubtruncate", DataType.BOOLEAN)
            .add("pubviaroot", DataType.BOOLEAN), List.of())),
        Map.entry("pg_publication_rel", new PgFixedTable(new Columns()
            .add("oid", DataType.INTEGER)
            .add("prpubid", DataType.INTEGER)
            .add("prrelid", DataType.INTEGER)
            .add("prqual", DataType.TEXT)
            .add("prattrs", DataType.vector(DataType.SMALLINT)), List.of())),
        Map.entry("pg_publication_namespace", new PgFixedTable(new Columns()
            .add("oid", DataType.INTEGER)
            .add("pnpubid", DataType.INTEGER)
            .add("pnnspid", DataType.INTEGER), List.of()))));
    all.putAll(PgEmptyTables.tables());
    // the language of every function pg_proc lists
    all.put("pg_language", new PgFixedTable(new Columns()
        .add("oid", DataType.INTEGER)
        .add("lanname", DataType.TEXT)
        .add("lanowner", DataType.INTEGER)
        .add("lanispl", DataType.BOOLEAN)
        .add("lanpltrusted", DataType.BOOLEAN)
        .add("lanplcallfoid", DataType.INTEGER)
        .add("laninline", DataType.INTEGER)
        .add("lanvalidator", DataType.INTEGER)
        .add("lanacl", PgOids.TEXT_ARRAY), List.of(Arrays.asList(12, "internal",
            PgOids.BOOTSTRAP_SUPERUSER, false, false, 0, 0, 0, null))));
    this.tables = Map.copyOf(all);
  }

  @Override
  protected Multimap<String, Function> getFunctionMultimap() {
    return ImmutableMultimap.of(GenerateSeriesFunction.NAME, new GenerateSeriesFunction(),
        KeywordsFunction.NAME, new KeywordsFunction());
  }

  @Override
  protected Map<String, Table> getTableMap() {
    return tables;
  }
}
