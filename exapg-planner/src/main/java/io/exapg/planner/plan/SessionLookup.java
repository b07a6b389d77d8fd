package io.exapg.planner.plan;

import io.exapg.planner.catalog.SessionView;
import java.util.List;
import java.util.Map;

/**
 * What session functions ask of the session when a statement is planned: its settings
 * (current_setting) and its user's privileges (has_table_privilege, has_schema_privilege).
 */
public interface SessionLookup extends SessionView {
  /** A setting's current value, or null when there is no such setting. */
  String setting(String name);

  /** The OIDs of the tables and views the session's user holds a privilege on. */
  List<Integer> relationsWith(String privilege);

  /** The OIDs of the schemas the session's user holds a privilege on. */
  List<Integer> schemasWith(String privilege);

  /** The OID of a table or view named as on the search path (qualified or not), or null. */
  Integer relationOid(String name);

  /** The OID of a schema, or null. */
  Integer schemaOid(String name);

  /** Every schema's name, by OID. */
  Map<Integer, String> schemaNames();

  /** The session's process id (BackendKeyData), as pg_backend_pid() returns it. */
  int backendPid();
}
