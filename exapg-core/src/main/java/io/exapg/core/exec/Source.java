package io.exapg.core.exec;

/**
 * Where a pipeline's batches come from, cut into morsels that worker threads take one at a
 * time. {@link #produce} is called concurrently for different morsels.
 */
public interface Source {
  /** Called once, before any morsel is produced, after the pipelines this one waits on ran. */
  default void open(QueryContext context) {
  }

  int morselCount();

  void produce(int morsel, TaskContext task, BatchSink sink);

  /** Whether morsels must be produced in order, one after another (sorted input). */
  default boolean ordered() {
    return false;
  }

  default void close() {
  }

  String describe();
}
