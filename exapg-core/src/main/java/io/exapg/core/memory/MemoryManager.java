package io.exapg.core.memory;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * The server's memory: one Arrow root allocator bounded by the configured limit, with a child
 * allocator per query (bounded by the query's budget) and one for long-lived storage buffers.
 */
public final class MemoryManager implements AutoCloseable {
  private final RootAllocator root;

  public MemoryManager(long limitBytes) {
    this.root = new RootAllocator(limitBytes);
  }

  public BufferAllocator newChildAllocator(String name, long limitBytes) {
    return root.newChildAllocator(name, 0, limitBytes);
  }

  public long allocatedBytes() {
    return root.getAllocatedMemory();
  }

  public long peakBytes() {
    return root.getPeakMemoryAllocation();
  }

  public long limitBytes() {
    return root.getLimit();
  }

  @Override
  public void close() {
    root.close();
  }
}
