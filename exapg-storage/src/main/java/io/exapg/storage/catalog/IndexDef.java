package io.exapg.storage.catalog;

import java.util.List;

/**
 * An index of a table as the catalog knows it: a PRIMARY KEY or UNIQUE constraint (with the
 * index PostgreSQL would build for it), a unique index, or a plain one. ExaPG keeps no index
 * structure: unique ones are enforced by checking the table's keys whenever rows are written,
 * and plain ones only record what was declared (scans use zone maps instead).
 *
 * @param id unique among the catalog's objects; 0 until the catalog records the index
 * @param constraint whether a PRIMARY KEY or UNIQUE constraint (rather than CREATE INDEX)
 *     declared it
 */
public record IndexDef(long id, String name, List<String> columns, boolean unique,
    boolean primary, boolean constraint) {
  public IndexDef {
    columns = List.copyOf(columns);
  }

  public IndexDef withId(long newId) {
    return new IndexDef(newId, name, columns, unique, primary, constraint);
  }
}
