package io.exapg.core.exec;

/**
 * The end of one or more pipelines: a pipeline breaker (aggregate, join build, sort) or the
 * query's result. Each worker thread gets a local sink; when every pipeline feeding this one
 * has finished, {@link #finish} runs once.
 */
public interface PipelineSink {
  BatchSink createLocal(TaskContext task);

  void finish(QueryContext context);

  /** Memory this sink holds now (hash tables, sort indexes), for EXPLAIN ANALYZE. */
  default long memoryBytes() {
    return 0;
  }

  /**
   * Releases what the pipelines reading this sink's rows (or hash table) needed, once the last
   * of them has run; the query goes on without it.
   */
  default void releaseOutput() {
  }

  /** Releases memory held after the query ends; must not throw. */
  void close();
}
