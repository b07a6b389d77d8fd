package io.exapg.planner.catalog;

import io.exapg.storage.catalog.Privilege;

/**
 * A privilege a statement needs on a table or view, checked every time the statement runs.
 *
 * @param objectId the table's or view's catalog id
 * @param view whether the object is a view (for the wording of errors)
 * @param asRole the role that must hold the privilege: the owner of the view through which
 *     the object is read, or -1 for the session's user
 */
public record RelationAccess(long objectId, String schema, String name, boolean view,
    Privilege privilege, long asRole) {
  public static final long SESSION_USER = -1;

  /** Whether the statement names the object itself (so its schema's USAGE is needed too). */
  public boolean direct() {
    return asRole == SESSION_USER;
  }
}
