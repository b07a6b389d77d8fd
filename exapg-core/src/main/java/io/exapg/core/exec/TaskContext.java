package io.exapg.core.exec;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What a worker thread's operators see of the running pipeline: the query, and a flag that
 * ends the pipeline early when nothing more is needed (a satisfied LIMIT).
 */
public final class TaskContext {
  private final QueryContext query;
  private final AtomicBoolean pipelineDone;

  public TaskContext(QueryContext query, AtomicBoolean pipelineDone) {
    this.query = query;
    this.pipelineDone = pipelineDone;
  }

  public QueryContext query() {
    return query;
  }

  /** No more morsels need to be read for this pipeline. */
  public void stopPipeline() {
    pipelineDone.set(true);
  }

  public boolean isPipelineDone() {
    return pipelineDone.get();
  }
}
