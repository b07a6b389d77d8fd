package io.exapg.planner.catalog.pg;

import io.exapg.storage.catalog.Catalog;
import io.exapg.storage.catalog.ColumnDef;
import io.exapg.storage.catalog.TableDef;
import io.exapg.storage.catalog.ViewDef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalog's comments (COMMENT ON) under PostgreSQL's OIDs: the rows of pg_description and
 * what obj_description and col_description return.
 *
 * @param relations comments on tables and views, by relation OID
 * @param schemas comments on schemas, by namespace OID
 * @param columns comments on columns, by relation OID, then by attribute number
 */
public record PgComments(Map<Integer, String> relations, Map<Integer, String> schemas,
    Map<Integer, Map<Integer, String>> columns) {
  private static final int PG_CLASS = PgOids.SYSTEM_TABLES.get("pg_class");
  private static final int PG_NAMESPACE = PgOids.SYSTEM_TABLES.get("pg_namespace");

  public PgComments {
    relations = Map.copyOf(relations);
    schemas = Map.copyOf(schemas);
    Map<Integer, Map<Integer, String>> copied = new HashMap<>();
    columns.forEach((oid, texts) -> copied.put(oid, Map.copyOf(texts)));
    columns = Map.copyOf(copied);
  }

  public static PgComments of(Catalog catalog) {
    Map<Long, List<ColumnDef>> relationColumns = new HashMap<>();
    for (TableDef table : catalog.tables()) {
      relationColumns.put(table.id(), table.columns());
    }
    for (ViewDef view : catalog.views()) {
      relationColumns.put(view.id(), view.columns());
    }
    Map<Long, Integer> schemaOids = new HashMap<>();
    for (String schema : catalog.schemas()) {
      schemaOids.put(catalog.schemaId(schema), PgOids.namespace(catalog, schema));
    }
    Map<Integer, String> relations = new HashMap<>();
    Map<Integer, String> schemas = new HashMap<>();
    Map<Integer, Map<Integer, String>> columns = new HashMap<>();
    for (Catalog.ObjectComment comment : catalog.comments()) {
      List<ColumnDef> described = relationColumns.get(comment.objectId());
      if (described == null) {
        Integer oid = schemaOids.get(comment.objectId());
        if (oid != null && comment.column().isEmpty()) {
          schemas.put(oid, comment.text());
        }
        continue;
      }
      int oid = PgOids.relation(comment.objectId());
      if (comment.column().isEmpty()) {
        relations.put(oid, comment.text());
        continue;
      }
      for (int c = 0; c < described.size(); c++) {
        if (described.get(c).name().equals(comment.column())) {
          columns.computeIfAbsent(oid, k -> new HashMap<>()).put(c + 1, comment.text());
        }
      }
    }
    return new PgComments(relations, schemas, columns);
  }

  /** pg_description's rows: objoid, classoid, objsubid, description. */
  List<List<Object>> rows() {
    List<List<Object>> rows = new ArrayList<>();
    relations.forEach((oid, text) -> rows.add(List.of(oid, PG_CLASS, 0, text)));
    columns.forEach((oid, texts) -> texts.forEach(
        (attnum, text) -> rows.add(List.of(oid, PG_CLASS, attnum, text))));
    schemas.forEach((oid, text) -> rows.add(List.of(oid, PG_NAMESPACE, 0, text)));
    return rows;
  }
}
