package io.exapg.planner.engine;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** A session's open cursors by name. */
final class Cursors {
  private final Map<String, Cursor> open = new LinkedHashMap<>();

  void requireFree(String name) {
    if (open.containsKey(name)) {
      throw new ExaException(SqlState.DUPLICATE_CURSOR,
          "cursor \"" + name + "\" already exists");
    }
  }

  void declare(String name, Cursor cursor) {
    open.put(name, cursor);
  }

  Cursor get(String name) {
    Cursor cursor = open.get(name);
    if (cursor == null) {
      throw new ExaException(SqlState.INVALID_CURSOR_NAME,
          "cursor \"" + name + "\" does not exist");
    }
    return cursor;
  }

  void close(String name) {
    get(name).close();
    open.remove(name);
  }

  void closeAll() {
    open.values().forEach(Cursor::close);
    open.clear();
  }

  /**
   * At the end of a transaction block: cursors without HOLD close; WITH HOLD ones stay after a
   * COMMIT, and after a ROLLBACK only if an earlier transaction declared them.
   */
  void endTransaction(boolean committed) {
    for (Iterator<Map.Entry<String, Cursor>> it = open.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Cursor> entry = it.next();
      if (entry.getValue().survives(committed)) {
        entry.getValue().keep();
      } else {
        entry.getValue().close();
        it.remove();
      }
    }
  }
}
