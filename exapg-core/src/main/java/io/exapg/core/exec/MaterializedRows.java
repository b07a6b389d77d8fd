package io.exapg.core.exec;

import io.exapg.core.batch.Batch;
import io.exapg.core.batch.Vectors;
import io.exapg.core.exec.spill.SpillFile;
import io.exapg.core.type.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * Rows kept as a list of chunks of Arrow vectors, each chunk owned here and released by
 * {@link #close}. Thread-safe for adding. Made with a query context, the rows move chunks to
 * a spill file when the query's memory runs short, and read them back one at a time.
 */
public final class MaterializedRows implements AutoCloseable {
  private final List<DataType> types;
  private final QueryContext spillContext;
  private final List<Chunk> chunks = Collections.synchronizedList(new ArrayList<>());
  private SpillFile spillFile;

  /** A chunk in memory (vectors) or in the spill file (its number there). */
  private record Chunk(FieldVector[] vectors, int spilled, int rows) {
  }

  /** Rows that stay in memory. */
  public MaterializedRows(List<DataType> types) {
    this(types, null);
  }

  /** Rows that may spill to the context's spill space; null for rows that stay in memory. */
  public MaterializedRows(List<DataType> types, QueryContext spillContext) {
    this.types = List.copyOf(types);
    this.spillContext = spillContext;
  }

  public List<DataType> types() {
    return types;
  }

  /** Takes ownership of the vectors, which hold one chunk of rows. */
  public void add(FieldVector[] chunk) {
    int rows = rowCount(chunk);
    if (spillContext == null || !spillContext.shouldSpill()) {
      chunks.add(new Chunk(chunk, -1, rows));
      return;
    }
    try {
      chunks.add(new Chunk(null, spillFile().write(chunk, rows), rows));
    } finally {
      Vectors.close(chunk);
    }
  }

  private synchronized SpillFile spillFile() {
    if (spillFile == null) {
      spillFile = spillContext.spill().newFile();
    }
    return spillFile;
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

  /** The chunks' vectors; only for rows that never spill. */
  public List<FieldVector[]> chunks() {
    synchronized (chunks) {
      List<FieldVector[]> vectors = new ArrayList<>(chunks.size());
      for (int k = 0; k < chunks.size(); k++) {
        vectors.add(inMemory(k));
      }
      return vectors;
    }
  }

  /** One chunk as a batch; only for rows that never spill. */
  public Batch chunk(int index) {
    FieldVector[] vectors = inMemory(index);
    return Batch.of(vectors, rowCount(vectors));
  }

  private FieldVector[] inMemory(int index) {
    Chunk chunk = chunks.get(index);
    if (chunk.vectors() == null) {
      throw new IllegalStateException("chunk " + index + " was spilled");
    }
    return chunk.vectors();
  }

  /** A spilled chunk read back into new vectors the caller closes; null if it is in memory. */
  public FieldVector[] readBack(int index, BufferAllocator allocator) {
    Chunk chunk = chunks.get(index);
    return chunk.vectors() != null ? null : spillFile.read(chunk.spilled(), allocator);
  }

  /**
   * Passes one chunk to the consumer as a batch, reading it back first (into vectors from the
   * allocator, released afterwards) if it was spilled.
   */
  public void readChunk(int index, BufferAllocator allocator, Consumer<Batch> consumer) {
    Chunk chunk = chunks.get(index);
    if (chunk.vectors() != null) {
      consumer.accept(Batch.of(chunk.vectors(), chunk.rows()));
      return;
    }
    FieldVector[] vectors = spillFile.read(chunk.spilled(), allocator);
    try {
      consumer.accept(Batch.of(vectors, chunk.rows()));
    } finally {
      Vectors.close(vectors);
    }
  }

  public int chunkRows(int index) {
    return chunks.get(index).rows();
  }

  public int chunkCount() {
    return chunks.size();
  }

  public long rowCount() {
    long total = 0;
    synchronized (chunks) {
      for (Chunk chunk : chunks) {
        total += chunk.rows();
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
      for (Chunk chunk : chunks) {
        if (chunk.vectors() != null) {
          Vectors.close(chunk.vectors());
        }
      }
      chunks.clear();
    }
  }
}
