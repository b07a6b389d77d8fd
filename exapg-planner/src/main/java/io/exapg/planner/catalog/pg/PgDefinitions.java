package io.exapg.planner.catalog.pg;

import io.exapg.core.type.ArrayText;
import io.exapg.planner.parser.Identifiers;
import io.exapg.storage.StorageEngine;
import io.exapg.storage.catalog.AccessControl;
import io.exapg.storage.catalog.Catalog;
import io.exapg.storage.catalog.IndexDef;
import io.exapg.storage.catalog.RoleDef;
import io.exapg.storage.catalog.TableDef;
import io.exapg.storage.catalog.ViewDef;
import io.exapg.storage.table.StorageStatistics;
import io.exapg.storage.table.TableSnapshot;
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

  /** pg_class.relkind by OID: 'r' tables, 'i' indexes, 'v' views. */
  public static Map<Integer, String> relationKinds(Catalog catalog) {
    Map<Integer, String> kinds = new HashMap<>();
    for (TableDef table : catalog.tables()) {
      kinds.put(PgOids.relation(table.id()), "r");
      for (IndexDef index : table.indexes()) {
        kinds.put(PgOids.relation(index.id()), "i");
      }
    }
    for (ViewDef view : catalog.views()) {
      kinds.put(PgOids.relation(view.id()), "v");
    }
    return kinds;
  }

  /** The names of tables, views and indexes by OID, or (schemas) the names of their schemas. */
  public static Map<Integer, String> relationNames(Catalog catalog, boolean schemas) {
    Map<Integer, String> names = new HashMap<>();
    for (TableDef table : catalog.tables()) {
      names.put(PgOids.relation(table.id()), schemas ? table.schema() : table.name());
      for (IndexDef index : table.indexes()) {
        names.put(PgOids.relation(index.id()), schemas ? table.schema() : index.name());
      }
    }
    for (ViewDef view : catalog.views()) {
      names.put(PgOids.relation(view.id()), schemas ? view.schema() : view.name());
    }
    return names;
  }

  /** The quoted column names of each index, as array texts. */
  public static Map<Integer, String> indexColumns(Catalog catalog) {
    Map<Integer, String> columns = new HashMap<>();
    for (TableDef table : catalog.tables()) {
      for (IndexDef index : table.indexes()) {
        columns.put(PgOids.relation(index.id()), ArrayText.format(
            index.columns().stream().map(Identifiers::quoteIfNeeded).toList()));
      }
    }
    return columns;
  }

  /**
   * The bytes each relation's data takes on disk: a table's segments, nothing for indexes
   * (they are catalog entries only) and views.
   */
  public static Map<Integer, Long> relationSizes(StorageEngine storage) {
    Map<Integer, Long> sizes = new HashMap<>();
    Catalog catalog = storage.catalog();
    for (TableDef table : catalog.tables()) {
      TableSnapshot snapshot = storage.snapshot(table.id());
      sizes.put(PgOids.relation(table.id()),
          snapshot == null ? 0L : StorageStatistics.table(snapshot).storedBytes());
      for (IndexDef index : table.indexes()) {
        sizes.put(PgOids.relation(index.id()), 0L);
      }
    }
    for (ViewDef view : catalog.views()) {
      sizes.put(PgOids.relation(view.id()), 0L);
    }
    return sizes;
  }

  /** The query each view was created with, as its definition (pg_get_viewdef). */
  public static Map<Integer, String> viewDefinitions(Catalog catalog) {
    Map<Integer, String> definitions = new HashMap<>();
    for (ViewDef view : catalog.views()) {
      definitions.put(PgOids.relation(view.id()), view.query());
    }
    return definitions;
  }

  private static String columns(IndexDef index) {
    return index.columns().stream().map(Identifiers::quoteIfNeeded)
        .collect(Collectors.joining(", "));
  }
}
