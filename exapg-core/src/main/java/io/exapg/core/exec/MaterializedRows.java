package io.exapg.core.exec;

import io.exapg.core.batch.Batch;
import io.exapg.core.batch.Vectors;
import io.exapg.core.type.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * Rows kept in memory as a list of chunks of Arrow vectors, each chunk owned here and released
 * by {@link #close}. Thread-safe for adding.
 */
public final class MaterializedRows implements AutoCloseable {
  private final List<DataType> types;
  private final List<FieldVector[]> chunks = Collections.synchronizedList(new ArrayList<>());

  public MaterializedRows(List<DataType> types) {
    this.types = List.copyOf(types);
  }

  public List<DataType> types() {
    return types;
  }

  /** Takes ownership of the vectors, which hold one chunk of rows. */
  public void add(FieldVector[] chunk) {
    chunks.add(chunk);
  }

  /** A pipeline link that keeps a copy of every batch it receives here. */
  public BatchSink appender(BufferAllocator allocator) {
    return new BatchSink() {
      @Override
      public void push(Batch batch) {
        if (batch.size() > 0) {
          add(Vectors.materialize(batch, types, allocator));
        }
      }

      @Override
      public void finish() {
      }
    };
  }

  /**
   * Adds rows [from, to) of the vectors, taken in the given order (row order[k] as the k-th;
   * null for the vectors' own order), as chunks of at most chunkRows rows.
   */
  public void addRows(FieldVector[] rows, int[] order, long from, long to, int chunkRows,
      BufferAllocator allocator) {
    for (long start = from; start < to; start += chunkRows) {
      int count = (int) Math.min(chunkRows, to - start);
      int[] slice = order == null ? null
          : Arrays.copyOfRange(order, (int) start, (int) start + count);
      FieldVector[] chunk = Vectors.allocate(types, allocator, count);
      try {
        for (int c = 0; c < rows.length; c++) {
          if (slice == null) {
            Vectors.copyRange(rows[c], (int) start, count, chunk[c], 0);
          } else {
            Vectors.gather(rows[c], slice, count, chunk[c], 0);
          }
        }
        Vectors.setValueCount(chunk, count);
      } catch (RuntimeException e) {
        Vectors.close(chunk);
        throw e;
      }
      add(chunk);
    }
  }

  public List<FieldVector[]> chunks() {
    return chunks;
  }

  public Batch chunk(int index) {
    FieldVector[] vectors = chunks.get(index);
    return Batch.of(vectors, rowCount(vectors));
  }

  public int chunkCount() {
    return chunks.size();
  }

  public long rowCount() {
    long total = 0;
    synchronized (chunks) {
      for (FieldVector[] chunk : chunks) {
        total += rowCount(chunk);
      }
    }
    return total;
  }

  private static int rowCount(FieldVector[] chunk) {
    return chunk.length == 0 ? 0 : chunk[0].getValueCount();
  }

  @Override
  public void close() {
    synchronized (chunks) {
      for (FieldVector[] chunk : chunks) {
        Vectors.close(chunk);
      }
      chunks.clear();
    }
  }
}
