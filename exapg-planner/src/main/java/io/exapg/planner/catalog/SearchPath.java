package io.exapg.planner.catalog;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.storage.catalog.Catalog;
import io.exapg.storage.catalog.TableDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The schemas unqualified names are looked up in, in order: the session's search_path with
 * {@code "$user"} standing for the user's name, leaving out schemas that do not exist, as
 * PostgreSQL does. The system views come before all of them (like pg_catalog).
 */
public record SearchPath(List<String> schemas) {
  public SearchPath {
    schemas = List.copyOf(schemas);
  }

  /** The path a search_path setting value names, for this user and catalog. */
  public static SearchPath of(String setting, String user, Catalog catalog) {
    List<String> schemas = new ArrayList<>();
    for (String entry : entries(setting)) {
      String schema = entry.equals("$user") ? user : entry;
      if (catalog.hasSchema(schema) && !schemas.contains(schema)) {
        schemas.add(schema);
      }
    }
    return new SearchPath(schemas);
  }

  /** The comma-separated names of a setting: quoted ones as written, others in lower case. */
  static List<String> entries(String setting) {
    List<String> entries = new ArrayList<>();
    int i = 0;
    int length = setting.length();
    while (i < length) {
      while (i < length && (setting.charAt(i) == ',' || Character.isWhitespace(setting.charAt(i)))) {
        i++;
      }
      if (i == length) {
        break;
      }
      StringBuilder name = new StringBuilder();
      if (setting.charAt(i) == '"') {
        i++;
        while (i < length) {
          char c = setting.charAt(i++);
          if (c == '"') {
            if (i < length && setting.charAt(i) == '"') {
              name.append('"');
              i++;
            } else {
              break;
            }
          } else {
            name.append(c);
          }
        }
      } else {
        int start = i;
        while (i < length && setting.charAt(i) != ',') {
          i++;
        }
        name.append(setting.substring(start, i).trim().toLowerCase(Locale.ROOT));
      }
      entries.add(name.toString());
    }
    return entries;
  }

  /** The schema CREATE puts an unqualified name in: the first on the path, or 3F000. */
  public String creationSchema() {
    if (schemas.isEmpty()) {
      throw new ExaException(SqlState.INVALID_SCHEMA_NAME,
          "no schema has been selected to create in");
    }
    return schemas.get(0);
  }

  /** The first schema on the path, or null when none of its schemas exists. */
  public String firstSchema() {
    return schemas.isEmpty() ? null : schemas.get(0);
  }

  /**
   * Schema and name of the relation (table or view) a one- or two-part name refers to; an
   * unqualified name not found anywhere on the path gets the first schema (for messages).
   */
  public String[] relation(Catalog catalog, List<String> names) {
    if (names.size() == 2) {
      return new String[] {names.get(0), names.get(1)};
    }
    if (names.size() != 1) {
      throw new ExaException(SqlState.FEATURE_NOT_SUPPORTED,
          "cross-database references are not implemented: " + String.join(".", names));
    }
    String name = names.get(0);
    for (String schema : schemas) {
      if (catalog.table(schema, name) != null || catalog.view(schema, name) != null) {
        return new String[] {schema, name};
      }
    }
    return new String[] {schemas.isEmpty() ? Catalog.DEFAULT_SCHEMA : schemas.get(0), name};
  }

  /** The table a one- or two-part name refers to, or null. */
  public TableDef table(Catalog catalog, List<String> names) {
    String[] name = relation(catalog, names);
    return catalog.table(name[0], name[1]);
  }
}
