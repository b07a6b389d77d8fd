package io.exapg.core.exec.spill;

import io.exapg.core.batch.Batch;
import io.exapg.core.batch.Vectors;
import io.exapg.core.exec.QueryContext;
import io.exapg.core.exec.hash.Hashing;
import io.exapg.core.type.DataType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * Rows spilled into a fixed number of files by the hash of their keys, so that rows with
 * equal keys share a file and each file can be processed on its own. Each partition gathers
 * its rows in memory up to {@link #FLUSH_BYTES} (less with a small budget) before writing
 * them as one chunk, so that chunks read back are batches of useful size. Thread-safe.
 */
public final class HashPartitions implements AutoCloseable {
  private static final int BITS = 5;
  public static final int COUNT = 1 << BITS;

  private final List<DataType> types;
  private static final long FLUSH_BYTES = 128 << 10;

  private final SpillFile[] files = new SpillFile[COUNT];
  private final Pending[] pending = new Pending[COUNT];

  /** Rows of one partition not written yet. */
  private static final class Pending {
    final List<FieldVector[]> chunks = new ArrayList<>();
    long bytes;
  }

  public HashPartitions(List<DataType> types) {
    this.types = List.copyOf(types);
  }

  public List<DataType> types() {
    return types;
  }

  /** The partition of a row whose keys hash to the given value. */
  public static int partitionOf(long hash) {
    return (int) (Hashing.mix(hash) >>> (64 - BITS));
  }

  /**
   * Writes each live row j of the batch, unless skip[j], to the partition of hashes[j].
   *
   * @param skip rows to leave out, or null for none
   */
  public void write(Batch batch, long[] hashes, boolean[] skip, QueryContext context) {
    int size = batch.size();
    int[] counts = new int[COUNT];
    int[] partitionOf = new int[size];
    for (int j = 0; j < size; j++) {
      if (skip == null || !skip[j]) {
        partitionOf[j] = partitionOf(hashes[j]);
        counts[partitionOf[j]]++;
      } else {
        partitionOf[j] = -1;
      }
    }
    int[][] rows = new int[COUNT][];
    for (int p = 0; p < COUNT; p++) {
      rows[p] = new int[counts[p]];
      counts[p] = 0;
    }
    for (int j = 0; j < size; j++) {
      int p = partitionOf[j];
      if (p >= 0) {
        rows[p][counts[p]++] = batch.row(j);
      }
    }
    for (int p = 0; p < COUNT; p++) {
      if (counts[p] > 0) {
        writePartition(p, batch, rows[p], counts[p], context);
      }
    }
  }

  private void writePartition(int p, Batch batch, int[] rows, int count,
      QueryContext context) {
    FieldVector[] part = Vectors.allocate(types, context.allocator(), count);
    try {
      for (int c = 0; c < part.length; c++) {
        Vectors.gather(batch.column(c), rows, count, part[c], 0);
      }
      Vectors.setValueCount(part, count);
    } catch (RuntimeException e) {
      Vectors.close(part);
      throw e;
    }
    Pending full = null;
    synchronized (this) {
      if (pending[p] == null) {
        pending[p] = new Pending();
      }
      pending[p].chunks.add(part);
      pending[p].bytes += Vectors.bufferBytes(part);
      if (pending[p].bytes >= Math.min(FLUSH_BYTES, context.operatorShare() / (2 * COUNT))) {
        full = pending[p];
        pending[p] = null;
      }
    }
    if (full != null) {
      flush(p, full, context);
    }
  }

  private void flush(int p, Pending rows, QueryContext context) {
    try {
      FieldVector[] chunk = Vectors.concatenate(rows.chunks, types, context.allocator());
      try {
        file(p, context).write(chunk, chunk.length == 0 ? 0 : chunk[0].getValueCount());
      } finally {
        Vectors.close(chunk);
      }
    } finally {
      for (FieldVector[] part : rows.chunks) {
        Vectors.close(part);
      }
    }
  }

  /** Writes the rows every partition still holds in memory; call once writing is over. */
  public void flush(QueryContext context) {
    for (int p = 0; p < COUNT; p++) {
      Pending rows;
      synchronized (this) {
        rows = pending[p];
        pending[p] = null;
      }
      if (rows != null) {
        flush(p, rows, context);
      }
    }
  }

  private synchronized SpillFile file(int p, QueryContext context) {
    if (files[p] == null) {
      files[p] = context.spill().newFile();
    }
    return files[p];
  }

  /** Hands one partition's file to the caller, who closes it; null if nothing went there. */
  public synchronized SpillFile take(int p) {
    SpillFile file = files[p];
    files[p] = null;
    return file;
  }

  @Override
  public synchronized void close() {
    for (int p = 0; p < COUNT; p++) {
      if (pending[p] != null) {
        for (FieldVector[] part : pending[p].chunks) {
          Vectors.close(part);
        }
        pending[p] = null;
      }
      if (files[p] != null) {
        files[p].close();
        files[p] = null;
      }
    }
  }
}
