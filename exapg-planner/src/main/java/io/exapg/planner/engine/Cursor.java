package io.exapg.planner.engine;

import io.exapg.core.batch.Batch;
import io.exapg.core.engine.ResultColumn;
import io.exapg.core.engine.ResultStream;
import io.exapg.core.engine.StatementResult;
import java.util.List;

/**
 * A cursor made by DECLARE: the result of its query, read forward a number of rows at a time
 * by FETCH and skipped by MOVE. The result is the query's as of DECLARE, whatever commits
 * later.
 */
final class Cursor {
  private final StatementResult.Rows rows;
  private final boolean hold;
  private boolean declaredInTransaction;
  private Batch batch;
  private int position;
  private boolean exhausted;

  Cursor(StatementResult.Rows rows, boolean hold, boolean declaredInTransaction) {
    this.rows = rows;
    this.hold = hold;
    this.declaredInTransaction = declaredInTransaction;
  }

  List<ResultColumn> columns() {
    return rows.columns();
  }

  /** Whether it outlives the end of its transaction: WITH HOLD, and that transaction committed. */
  boolean survives(boolean committed) {
    return hold && (committed || !declaredInTransaction);
  }

  /** Its transaction committed: a later ROLLBACK no longer closes it. */
  void keep() {
    declaredInTransaction = false;
  }

  /** The batch holding the next row, or null after the last. */
  private Batch current() {
    while (!exhausted && (batch == null || position >= batch.size())) {
      batch = rows.stream().next();
      position = 0;
      exhausted = batch == null;
    }
    return exhausted ? null : batch;
  }

  /** Skips up to count rows; returns how many there were. */
  long move(long count) {
    long moved = 0;
    while (moved < count) {
      Batch current = current();
      if (current == null) {
        break;
      }
      int step = (int) Math.min(count - moved, current.size() - position);
      position += step;
      moved += step;
    }
    return moved;
  }

  /** The next count rows (fewer at the end); closing the stream leaves the cursor open. */
  ResultStream fetch(long count) {
    return new ResultStream() {
      private long left = count;

      @Override
      public Batch next() {
        Batch current = left > 0 ? current() : null;
        if (current == null) {
          return null;
        }
        int size = (int) Math.min(left, current.size() - position);
        int[] selection = new int[size];
        for (int j = 0; j < size; j++) {
          selection[j] = current.row(position + j);
        }
        position += size;
        left -= size;
        return current.withSelection(selection, size);
      }

      @Override
      public void close() {
      }
    };
  }

  void close() {
    rows.stream().close();
  }
}
