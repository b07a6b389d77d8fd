package io.exapg.core.exec;

/** The sink at the root of an INSERT, DELETE or UPDATE: counts the rows it changed. */
public interface ModifySink extends PipelineSink {
  /** Rows inserted, deleted or updated, once the plan ran. */
  long rowCount();
}
