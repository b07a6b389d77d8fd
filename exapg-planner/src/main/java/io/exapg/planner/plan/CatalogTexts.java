package io.exapg.planner.plan;

import io.exapg.planner.catalog.pg.PgComments;
import java.util.Map;

/**
 * Texts catalog functions return for an OID, gathered when a statement that calls them is
 * planned: role names (pg_get_userbyid), index definitions (pg_get_indexdef), constraint
 * definitions (pg_get_constraintdef), relation kinds (pg_class.relkind), the columns of
 * indexes, as array texts of their quoted names (pg_get_indexdef for one column), the
 * bytes relations take on disk (pg_table_size), the queries of views (pg_get_viewdef), and
 * the names of relations and of their schemas (regclass input computed at run time), and
 * comments (obj_description, col_description).
 */
public record CatalogTexts(Map<Integer, String> roleNames, Map<Integer, String> indexDefinitions,
    Map<Integer, String> constraintDefinitions, Map<Integer, String> relationKinds,
    Map<Integer, String> indexColumns, Map<Integer, Long> relationSizes,
    Map<Integer, String> viewDefinitions, Map<Integer, String> relationNames,
    Map<Integer, String> relationSchemas, PgComments comments) {
  public CatalogTexts {
    relationNames = Map.copyOf(relationNames);
    relationSchemas = Map.copyOf(relationSchemas);
    viewDefinitions = Map.copyOf(viewDefinitions);
    relationSizes = Map.copyOf(relationSizes);
    indexColumns = Map.copyOf(indexColumns);
    relationKinds = Map.copyOf(relationKinds);
    roleNames = Map.copyOf(roleNames);
    indexDefinitions = Map.copyOf(indexDefinitions);
    constraintDefinitions = Map.copyOf(constraintDefinitions);
  }
}
