package io.exapg.core.exec.source;

import io.exapg.core.exec.BatchSink;
import io.exapg.core.exec.MaterializedRows;
import io.exapg.core.exec.Source;
import io.exapg.core.exec.TaskContext;
import java.util.function.Supplier;

/**
 * Reads rows a pipeline breaker materialized, one chunk per morsel (read back from disk if it
 * was spilled); ordered when the rows are sorted.
 */
public final class MaterializedSource implements Source {
  private final Supplier<MaterializedRows> rows;
  private final boolean ordered;
  private final String name;
  private MaterializedRows opened;

  public MaterializedSource(Supplier<MaterializedRows> rows, boolean ordered, String name) {
    this.rows = rows;
    this.ordered = ordered;
    this.name = name;
  }

  @Override
  public void open(io.exapg.core.exec.QueryContext context) {
    opened = rows.get();
  }

  @Override
  public int morselCount() {
    return opened.chunkCount();
  }

  @Override
  public void produce(int morsel, TaskContext task, BatchSink sink) {
    opened.readChunk(morsel, task.query().allocator(), sink::push);
  }

  @Override
  public boolean ordered() {
    return ordered;
  }

  @Override
  public String describe() {
    return name;
  }
}
