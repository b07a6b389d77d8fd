package io.exapg.planner.catalog.info;

import io.exapg.planner.catalog.SystemTable;
import io.exapg.planner.catalog.pg.PgBuiltinFunctions;
import io.exapg.planner.catalog.pg.PgTypeTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * information_schema.routines: one row per function pg_proc lists (the types' I/O functions,
 * all built in, in pg_catalog), with PostgreSQL 15's columns and values.
 */
final class RoutinesTable extends SystemTable {
  private static final List<String> NAMES = List.of("specific_catalog", "specific_schema",
      "specific_name", "routine_catalog", "routine_schema", "routine_name", "routine_type",
      "module_catalog", "module_schema", "module_name", "udt_catalog", "udt_schema",
      "udt_name", "data_type", "character_maximum_length", "character_octet_length",
      "character_set_catalog", "character_set_schema", "character_set_name",
      "collation_catalog", "collation_schema", "collation_name", "numeric_precision",
      "numeric_precision_radix", "numeric_scale", "datetime_precision", "interval_type",
      "interval_precision", "type_udt_catalog", "type_udt_schema", "type_udt_name",
      "scope_catalog", "scope_schema", "scope_name", "maximum_cardinality", "dtd_identifier",
      "routine_body", "routine_definition", "external_name", "external_language",
      "parameter_style", "is_deterministic", "sql_data_access", "is_null_call", "sql_path",
      "schema_level_routine", "max_dynamic_result_sets", "is_user_defined_cast",
      "is_implicitly_invocable", "security_type", "to_sql_specific_catalog",
      "to_sql_specific_schema", "to_sql_specific_name", "as_locator", "created",
      "last_altered", "new_savepoint_level", "is_udt_dependent",
      "result_cast_from_data_type", "result_cast_as_locator", "result_cast_char_max_length",
      "result_cast_char_octet_length", "result_cast_char_set_catalog",
      "result_cast_char_set_schema", "result_cast_char_set_name",
      "result_cast_collation_catalog", "result_cast_collation_schema",
      "result_cast_collation_name", "result_cast_numeric_precision",
      "result_cast_numeric_precision_radix", "result_cast_numeric_scale",
      "result_cast_datetime_precision", "result_cast_interval_type",
      "result_cast_interval_precision", "result_cast_type_udt_catalog",
      "result_cast_type_udt_schema", "result_cast_type_udt_name", "result_cast_scope_catalog",
      "result_cast_scope_schema", "result_cast_scope_name", "result_cast_maximum_cardinality",
      "result_cast_dtd_identifier");
  private static final Set<String> INTEGERS = Set.of("character_maximum_length",
      "character_octet_length", "numeric_precision", "numeric_precision_radix",
      "numeric_scale", "datetime_precision", "interval_precision", "maximum_cardinality",
      "max_dynamic_result_sets", "result_cast_char_max_length",
      "result_cast_char_octet_length", "result_cast_numeric_precision",
      "result_cast_numeric_precision_radix", "result_cast_numeric_scale",
      "result_cast_datetime_precision", "result_cast_interval_precision",
      "result_cast_maximum_cardinality");

  private final String database;

  RoutinesTable(String database) {
    super(NamedRow.columns(NAMES, INTEGERS, Set.of("created", "last_altered")));
    this.database = database;
  }

  /** PostgreSQL's specific_name of a function: its name and OID. */
  static String specificName(PgBuiltinFunctions.Builtin function) {
    return function.name() + "_" + function.oid();
  }

  @Override
  public List<List<Object>> rows() {
    List<List<Object>> rows = new ArrayList<>();
    for (PgBuiltinFunctions.Builtin function : PgBuiltinFunctions.all()) {
      rows.add(NamedRow.of(NAMES)
          .set("specific_catalog", database)
          .set("specific_schema", "pg_catalog")
          .set("specific_name", specificName(function))
          .set("routine_catalog", database)
          .set("routine_schema", "pg_catalog")
          .set("routine_name", function.name())
          .set("routine_type", "FUNCTION")
          .set("data_type", PgTypeTable.informationSchemaName(function.returnType()))
          .set("type_udt_catalog", database)
          .set("type_udt_schema", "pg_catalog")
          .set("type_udt_name", PgTypeTable.typeName(function.returnType()))
          .set("dtd_identifier", "0")
          .set("routine_body", "EXTERNAL")
          .set("routine_definition", function.name())
          .set("external_language", "INTERNAL")
          .set("parameter_style", "GENERAL")
          .set("is_deterministic", function.volatility() == 'i' ? "YES" : "NO")
          .set("sql_data_access", "MODIFIES")
          .set("is_null_call", "YES")
          .set("schema_level_routine", "YES")
          .set("max_dynamic_result_sets", 0)
          .set("security_type", "INVOKER")
          .set("as_locator", "NO")
          .set("is_udt_dependent", "NO")
          .values());
    }
    return rows;
  }
}
