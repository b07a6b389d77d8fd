package io.exapg.core.exec.operator;

import io.exapg.core.batch.Batch;
import io.exapg.core.exec.BatchSink;
import io.exapg.core.exec.OperatorFactory;
import io.exapg.core.exec.TaskContext;

/**
 * OFFSET and LIMIT over the rows of all threads together: threads claim rows from a shared
 * budget, and the pipeline stops reading once the limit is reached.
 */
public final class LimitOperator implements BatchSink {
  /** The budget the threads of one pipeline share. */
  private static final class Budget {
    private long toSkip;
    private long toTake;

    Budget(long offset, long limit) {
      this.toSkip = offset;
      this.toTake = limit < 0 ? Long.MAX_VALUE : limit;
    }
  }

  private final Budget budget;
  private final TaskContext task;
  private final BatchSink downstream;
  private int[] selection = new int[0];

  private LimitOperator(Budget budget, TaskContext task, BatchSink downstream) {
    this.budget = budget;
    this.task = task;
    this.downstream = downstream;
  }

  public static OperatorFactory factory(long offset, long limit) {
    Budget budget = new Budget(offset, limit);
    return (task, downstream) -> new LimitOperator(budget, task, downstream);
  }

  @Override
  public void push(Batch batch) {
    int size = batch.size();
    int skip;
    int take;
    synchronized (budget) {
      skip = (int) Math.min(budget.toSkip, size);
      budget.toSkip -= skip;
      take = (int) Math.min(budget.toTake, size - skip);
      budget.toTake -= take;
      if (budget.toTake == 0) {
        task.stopPipeline();
      }
    }
    if (take == 0) {
      return;
    }
    if (skip == 0 && take == size) {
      downstream.push(batch);
      return;
    }
    if (selection.length < take) {
      selection = new int[take];
    }
    for (int j = 0; j < take; j++) {
      selection[j] = batch.row(skip + j);
    }
    downstream.push(batch.withSelection(selection, take));
  }

  @Override
  public void finish() {
    downstream.finish();
  }
}
