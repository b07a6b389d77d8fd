package io.exapg.planner.engine;

import io.exapg.planner.parser.Identifiers;
import io.exapg.storage.catalog.IndexDef;
import io.exapg.storage.catalog.TableDef;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The query that finds a key a unique index holds twice, as text ("1, x") for the error's
 * detail. Rows with a NULL in the key never conflict, as in PostgreSQL.
 */
final class UniqueKeyQuery {
  private UniqueKeyQuery() {
  }

  static String duplicates(TableDef table, IndexDef key) {
    List<String> columns = key.columns().stream().map(Identifiers::quote).toList();
    String text = columns.stream().map(c -> "CAST(" + c + " AS VARCHAR)")
        .collect(Collectors.joining(" || ', ' || "));
    return "SELECT " + text + " FROM " + Identifiers.quote(table.schema()) + "."
        + Identifiers.quote(table.name())
        + " WHERE " + columns.stream().map(c -> c + " IS NOT NULL")
            .collect(Collectors.joining(" AND "))
        + " GROUP BY " + String.join(", ", columns) + " HAVING count(*) > 1 LIMIT 1";
  }
}
