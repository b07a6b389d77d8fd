package io.exapg.planner.plan;

import java.util.Map;

/**
 * Texts catalog functions return for an OID, gathered when a statement that calls them is
 * planned: role names (pg_get_userbyid), index definitions (pg_get_indexdef) and constraint
 * definitions (pg_get_constraintdef).
 */
public record CatalogTexts(Map<Integer, String> roleNames, Map<Integer, String> indexDefinitions,
    Map<Integer, String> constraintDefinitions) {
  public CatalogTexts {
    roleNames = Map.copyOf(roleNames);
    indexDefinitions = Map.copyOf(indexDefinitions);
    constraintDefinitions = Map.copyOf(constraintDefinitions);
  }
}
