package io.exapg.planner.engine;

import io.exapg.core.error.ExaException;
import io.exapg.planner.catalog.SearchPath;
import io.exapg.planner.catalog.pg.PgOids;
import io.exapg.planner.plan.SessionLookup;
import io.exapg.storage.catalog.AccessControl;
import io.exapg.storage.catalog.Catalog;
import io.exapg.storage.catalog.Privilege;
import io.exapg.storage.catalog.RoleDef;
import io.exapg.storage.catalog.TableDef;
import io.exapg.storage.catalog.ViewDef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A session's settings and privileges, as session functions see them when planned. */
final class SessionCatalogLookup implements SessionLookup {
  private final SessionSettings settings;
  private final AccessControl access;
  private final Catalog catalog;
  private final SearchPath searchPath;
  private final long role;
  private final int processId;

  SessionCatalogLookup(SessionSettings settings, AccessControl access, Catalog catalog,
      SearchPath searchPath, long role, int processId) {
    this.processId = processId;
    this.settings = settings;
    this.access = access;
    this.catalog = catalog;
    this.searchPath = searchPath;
    this.role = role;
  }

  @Override
  public String setting(String name) {
    try {
      return settings.get(name);
    } catch (ExaException e) {
      return null;
    }
  }

  @Override
  public List<Integer> relationsWith(String privilege) {
    List<Integer> oids = new ArrayList<>();
    for (TableDef table : catalog.tables()) {
      if (holds(table.id(), privilege)) {
        oids.add(PgOids.relation(table.id()));
      }
    }
    for (ViewDef view : catalog.views()) {
      if (holds(view.id(), privilege)) {
        oids.add(PgOids.relation(view.id()));
      }
    }
    return oids;
  }

  @Override
  public List<Integer> schemasWith(String privilege) {
    List<Integer> oids = new ArrayList<>();
    for (String schema : catalog.schemas()) {
      if (holds(catalog.schemaId(schema), privilege)) {
        oids.add(PgOids.namespace(catalog, schema));
      }
    }
    return oids;
  }

  /** Privileges ExaPG does not grant (REFERENCES, TRIGGER) belong to owners alone. */
  private boolean holds(long objectId, String privilege) {
    return switch (privilege) {
      case "REFERENCES", "TRIGGER" -> access.isOwner(role, objectId);
      default -> access.has(role, objectId, Privilege.valueOf(privilege));
    };
  }

  @Override
  public Integer relationOid(String name) {
    String[] resolved = searchPath.relation(catalog, Arrays.asList(name.split("\\.", 2)));
    TableDef table = catalog.table(resolved[0], resolved[1]);
    if (table != null) {
      return PgOids.relation(table.id());
    }
    ViewDef view = catalog.view(resolved[0], resolved[1]);
    return view == null ? null : PgOids.relation(view.id());
  }

  @Override
  public Integer schemaOid(String name) {
    return catalog.hasSchema(name) ? PgOids.namespace(catalog, name) : null;
  }

  @Override
  public Map<Integer, String> schemaNames() {
    Map<Integer, String> names = new HashMap<>();
    for (String schema : catalog.schemas()) {
      names.put(PgOids.namespace(catalog, schema), schema);
    }
    return names;
  }

  @Override
  public Map<String, String[]> settings() {
    return settings.all();
  }

  @Override
  public int backendPid() {
    return processId;
  }

  @Override
  public boolean superuser() {
    return access.isSuperuser(role);
  }

  @Override
  public String userName() {
    RoleDef current = access.role(role);
    return current == null ? null : current.name();
  }
}
