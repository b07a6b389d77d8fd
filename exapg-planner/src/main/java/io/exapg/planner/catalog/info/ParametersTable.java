package io.exapg.planner.catalog.info;

import io.exapg.planner.catalog.SystemTable;
import io.exapg.planner.catalog.pg.PgBuiltinFunctions;
import io.exapg.planner.catalog.pg.PgTypeTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** information_schema.parameters: the arguments of the functions routines lists. */
final class ParametersTable extends SystemTable {
  private static final List<String> NAMES = List.of("specific_catalog", "specific_schema",
      "specific_name", "ordinal_position", "parameter_mode", "is_result", "as_locator",
      "parameter_name", "data_type", "character_maximum_length", "character_octet_length",
      "character_set_catalog", "character_set_schema", "character_set_name",
      "collation_catalog", "collation_schema", "collation_name", "numeric_precision",
      "numeric_precision_radix", "numeric_scale", "datetime_precision", "interval_type",
      "interval_precision", "udt_catalog", "udt_schema", "udt_name", "scope_catalog",
      "scope_schema", "scope_name", "maximum_cardinality", "dtd_identifier",
      "parameter_default");
  private static final Set<String> INTEGERS = Set.of("ordinal_position",
      "character_maximum_length", "character_octet_length", "numeric_precision",
      "numeric_precision_radix", "numeric_scale", "datetime_precision", "interval_precision",
      "maximum_cardinality");

  private final String database;

  ParametersTable(String database) {
    super(NamedRow.columns(NAMES, INTEGERS, Set.of()));
    this.database = database;
  }

  @Override
  public List<List<Object>> rows() {
    List<List<Object>> rows = new ArrayList<>();
    for (PgBuiltinFunctions.Builtin function : PgBuiltinFunctions.all()) {
      List<Integer> arguments = function.argumentTypes();
      for (int a = 0; a < arguments.size(); a++) {
        int type = arguments.get(a);
        rows.add(NamedRow.of(NAMES)
            .set("specific_catalog", database)
            .set("specific_schema", "pg_catalog")
            .set("specific_name", RoutinesTable.specificName(function))
            .set("ordinal_position", a + 1)
            .set("parameter_mode", "IN")
            .set("is_result", "NO")
            .set("as_locator", "NO")
            .set("data_type", PgTypeTable.informationSchemaName(type))
            .set("udt_catalog", database)
            .set("udt_schema", "pg_catalog")
            .set("udt_name", PgTypeTable.typeName(type))
            .set("dtd_identifier", String.valueOf(a + 1))
            .values());
      }
    }
    return rows;
  }
}
