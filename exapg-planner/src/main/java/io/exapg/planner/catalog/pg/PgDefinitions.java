package io.exapg.planner.catalog.pg;

import io.exapg.planner.parser.Identifiers;
import io.exapg.storage.StorageEngine;
import io.exapg.storage.catalog.AccessControl;
import io.exapg.storage.catalog.IndexDef;
import io.exapg.storage.catalog.RoleDef;
import io.exapg.storage.catalog.TableDef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What pg_get_userbyid, pg_get_indexdef and pg_get_constraintdef return, by OID, in
 * PostgreSQL's wording ("CREATE UNIQUE INDEX t_pkey ON public.t USING btree (a)",
 * "PRIMARY KEY (a)").
 */
public final class PgDefinitions {
  private PgDefinitions() {
  }

  public static Map<Integer, String> roleNames(AccessControl access) {
    Map<Integer, String> names = new HashMap<>();
    for (RoleDef role : access.roles()) {
      names.put((int) role.oid(), role.name());
    }
    return names;
  }

  /**
   * @param searchPath the session's schemas: tables its unqualified names find are not
   *     qualified, as in PostgreSQL
   */
  public static Map<Integer, String> indexDefinitions(StorageEngine storage,
      List<String> searchPath) {
    Map<Integer, String> definitions = new HashMap<>();
    List<Integer> visible = PgOids.visibleRelations(storage.catalog(), searchPath);
    for (TableDef table : storage.catalog().tables()) {
      String name = (visible.contains(PgOids.relation(table.id())) ? ""
          : Identifiers.quoteIfNeeded(table.schema()) + ".")
          + Identifiers.quoteIfNeeded(table.name());
      for (IndexDef index : table.indexes()) {
        definitions.put(PgOids.relation(index.id()), "CREATE " + (index.unique() ? "UNIQUE " : "")
            + "INDEX " + Identifiers.quoteIfNeeded(index.name()) + " ON " + name + " USING btree ("
            + columns(index) + ")");
      }
    }
    return definitions;
  }

  public static Map<Integer, String> constraintDefinitions(StorageEngine storage) {
    Map<Integer, String> definitions = new HashMap<>();
    for (TableDef table : storage.catalog().tables()) {
      for (IndexDef index : table.indexes()) {
        if (index.constraint()) {
          definitions.put(PgOids.constraint(index.id()),
              (index.primary() ? "PRIMARY KEY (" : "UNIQUE (") + columns(index) + ")");
        }
      }
    }
    return definitions;
  }

  private static String columns(IndexDef index) {
    return index.columns().stream().map(Identifiers::quoteIfNeeded)
        .collect(Collectors.joining(", "));
  }
}
