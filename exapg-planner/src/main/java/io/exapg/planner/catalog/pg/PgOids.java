package io.exapg.planner.catalog.pg;

import io.exapg.core.type.DataType;
import io.exapg.storage.catalog.Catalog;
import io.exapg.storage.catalog.IndexDef;
import io.exapg.storage.catalog.TableDef;
import io.exapg.storage.catalog.ViewDef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The object identifiers pg_catalog shows: PostgreSQL's fixed ones for built-in objects, and
 * for the node's schemas, tables and views their catalog id plus 16384 (PostgreSQL's first
 * user OID), so they stay the same across restarts.
 */
public final class PgOids {
  /** PostgreSQL's OIDs of the pg_catalog tables. */
  public static final Map<String, Integer> SYSTEM_TABLES = Map.ofEntries(
      Map.entry("pg_type", 1247), Map.entry("pg_attribute", 1249), Map.entry("pg_proc", 1255),
      Map.entry("pg_class", 1259), Map.entry("pg_database", 1262),
      Map.entry("pg_tablespace", 1213), Map.entry("pg_am", 2601),
      Map.entry("pg_attrdef", 2604), Map.entry("pg_constraint", 2606),
      Map.entry("pg_description", 2609), Map.entry("pg_index", 2610),
      Map.entry("pg_inherits", 2611), Map.entry("pg_namespace", 2615),
      Map.entry("pg_aggregate", 2600), Map.entry("pg_amop", 2602), Map.entry("pg_amproc", 2603),
      Map.entry("pg_auth_members", 1261), Map.entry("pg_cast", 2605),
      Map.entry("pg_collation", 3456), Map.entry("pg_conversion", 2607),
      Map.entry("pg_db_role_setting", 2964), Map.entry("pg_default_acl", 826),
      Map.entry("pg_depend", 2608), Map.entry("pg_enum", 3501),
      Map.entry("pg_event_trigger", 3466), Map.entry("pg_extension", 3079),
      Map.entry("pg_foreign_data_wrapper", 2328), Map.entry("pg_foreign_server", 1417),
      Map.entry("pg_foreign_table", 3118), Map.entry("pg_init_privs", 3394),
      Map.entry("pg_language", 2612), Map.entry("pg_largeobject_metadata", 2995),
      Map.entry("pg_opclass", 2616), Map.entry("pg_operator", 2617),
      Map.entry("pg_opfamily", 2753), Map.entry("pg_partitioned_table", 3350),
      Map.entry("pg_policy", 3256), Map.entry("pg_publication", 6104),
      Map.entry("pg_publication_namespace", 6237), Map.entry("pg_publication_rel", 6106),
      Map.entry("pg_range", 3541), Map.entry("pg_rewrite", 2618), Map.entry("pg_seclabel", 3596),
      Map.entry("pg_sequence", 2224), Map.entry("pg_shdescription", 2396),
      Map.entry("pg_statistic_ext", 3381), Map.entry("pg_transform", 3576),
      Map.entry("pg_trigger", 2620), Map.entry("pg_ts_config", 3602),
      Map.entry("pg_ts_dict", 3600), Map.entry("pg_ts_parser", 3601),
      Map.entry("pg_ts_template", 3764), Map.entry("pg_user_mapping", 1418));

  /** The type of ACL and option columns; PostgreSQL's aclitem[] is text[] here. */
  public static final DataType TEXT_ARRAY = DataType.array(DataType.TEXT);
  public static final int BOOTSTRAP_SUPERUSER = 10;
  public static final int PG_CATALOG = 11;
  public static final int PUBLIC = 2200;
  public static final int EXA_CATALOG = 12000;
  public static final int INFORMATION_SCHEMA = 13000;
  public static final int DATABASE = 5;
  public static final int HEAP_ACCESS_METHOD = 2;
  public static final int DEFAULT_TABLESPACE = 1663;
  public static final int GLOBAL_TABLESPACE = 1664;
  public static final int DEFAULT_COLLATION = 100;
  static final int FIRST_USER_OID = 16384;
  public static final int BTREE_ACCESS_METHOD = 403;
  /** Added to an index's OID for the OID of the constraint that made it. */
  private static final int CONSTRAINT_OFFSET = 1 << 30;

  private PgOids() {
  }

  /** The OID of the PRIMARY KEY or UNIQUE constraint behind an index. */
  public static int constraint(long indexId) {
    return CONSTRAINT_OFFSET + relation(indexId);
  }

  /** A schema's OID, or 0 when there is no such schema. */
  public static int namespace(Catalog catalog, String schema) {
    if (schema.equals(Catalog.DEFAULT_SCHEMA)) {
      return PUBLIC;
    }
    long id = catalog.schemaId(schema);
    return id < 0 ? 0 : (int) (FIRST_USER_OID + id);
  }

  /**
   * The tables, indexes and views an unqualified name finds with this search path: in each
   * schema on the path, those whose names no earlier schema has (pg_table_is_visible).
   */
  public static List<Integer> visibleRelations(Catalog catalog, List<String> searchPath) {
    Set<String> seen = new HashSet<>();
    List<Integer> visible = new ArrayList<>();
    for (String schema : searchPath) {
      for (TableDef table : catalog.tables()) {
        if (table.schema().equals(schema) && seen.add(table.name())) {
          visible.add(relation(table.id()));
        }
        for (IndexDef index : table.indexes()) {
          if (table.schema().equals(schema) && seen.add(index.name())) {
            visible.add(relation(index.id()));
          }
        }
      }
      for (ViewDef view : catalog.views()) {
        if (view.schema().equals(schema) && seen.add(view.name())) {
          visible.add(relation(view.id()));
        }
      }
    }
    return visible;
  }

  /** The OID of the table or view with this catalog id. */
  public static int relation(long id) {
    return (int) (FIRST_USER_OID + id);
  }

  /**
   * pg_attrdef's OID of a column's default, in a range of its own (1,600 columns at most per
   * table, as in PostgreSQL).
   */
  public static int attributeDefault(int relation, int attnum) {
    return 1_000_000_000 + (relation - FIRST_USER_OID) * 1600 + attnum;
  }
}
