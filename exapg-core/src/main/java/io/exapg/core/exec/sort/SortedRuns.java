package io.exapg.core.exec.sort;

import io.exapg.core.batch.Vectors;
import io.exapg.core.exec.QueryContext;
import io.exapg.core.exec.spill.SpillFile;
import io.exapg.core.plan.SortKey;
import io.exapg.core.type.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * External merge sort: sorted runs of rows written to spill files, then merged at most
 * {@link #FAN_IN} at a time until one merge produces the final order. Thread-safe for
 * adding runs.
 */
final class SortedRuns implements AutoCloseable {
  /** Rows per chunk of a run: what a merge holds in memory for each of its runs. */
  static final int RUN_CHUNK_ROWS = 8192;
  private static final int FAN_IN = 8;

  private final List<DataType> types;
  private final List<SortKey> keys;
  private final List<SpillFile> runs = new ArrayList<>();

  SortedRuns(List<DataType> types, List<SortKey> keys) {
    this.types = types;
    this.keys = keys;
  }

  /** Receives merged rows: rows order[from, to) of the vectors, in that order. */
  interface Output {
    void accept(FieldVector[] rows, int[] order, int from, int to);
  }

  synchronized boolean isEmpty() {
    return runs.isEmpty();
  }

  /** Sorts n rows and writes them to a new run; the vectors stay the caller's. */
  void addRun(FieldVector[] rows, int n, QueryContext context) {
    int[] order = new RowComparator(rows, keys, n).sortedOrder(n);
    SpillFile run = context.spill().newFile();
    writeChunks(run, rows, order, 0, n, context);
    synchronized (this) {
      runs.add(run);
    }
  }

  private void writeChunks(SpillFile run, FieldVector[] rows, int[] order, int from, int to,
      QueryContext context) {
    for (int start = from; start < to; start += RUN_CHUNK_ROWS) {
      int count = Math.min(RUN_CHUNK_ROWS, to - start);
      int[] slice = Arrays.copyOfRange(order, start, start + count);
      FieldVector[] chunk = Vectors.allocate(types, context.allocator(), count);
      try {
        for (int c = 0; c < rows.length; c++) {
          Vectors.gather(rows[c], slice, count, chunk[c], 0);
        }
        Vectors.setValueCount(chunk, count);
        run.write(chunk, count);
      } finally {
        Vectors.close(chunk);
      }
    }
  }

  /** Merges all runs, passing the rows in sorted order to the output. */
  void merge(QueryContext context, Output output) {
    List<SpillFile> pending;
    synchronized (this) {
      pending = new ArrayList<>(runs);
    }
    while (pending.size() > FAN_IN) {
      List<SpillFile> next = new ArrayList<>();
      for (int from = 0; from < pending.size(); from += FAN_IN) {
        List<SpillFile> group = pending.subList(from, Math.min(from + FAN_IN, pending.size()));
        if (group.size() == 1) {
          next.add(group.get(0));
          continue;
        }
        SpillFile merged = context.spill().newFile();
        synchronized (this) {
          runs.add(merged);
        }
        new RunMerger(group, context).mergeInto((rows, order, start, end) ->
            writeChunks(merged, rows, order, start, end, context));
        for (SpillFile input : group) {
          input.close();
        }
        next.add(merged);
      }
      pending = next;
    }
    new RunMerger(pending, context).mergeInto(output);
  }

  /**
   * One merge of a few runs, in rounds: each round sorts the rows carried over from the last
   * round together with the next chunk of every run whose chunk was used up, and passes on
   * the rows up to the smallest last row among the loaded chunks of runs with more chunks on
   * disk: no row still on disk can sort before it.
   */
  private final class RunMerger {
    private final List<SpillFile> inputs;
    private final QueryContext context;
    private final int[] nextChunk;
    private final int[] lastRow;

    RunMerger(List<SpillFile> inputs, QueryContext context) {
      this.inputs = inputs;
      this.context = context;
      this.nextChunk = new int[inputs.size()];
      this.lastRow = new int[inputs.size()];
      Arrays.fill(lastRow, -1);
    }

    void mergeInto(Output output) {
      FieldVector[] carry = Vectors.allocate(types, context.allocator(), 0);
      try {
        while (true) {
          context.checkCancelled();
          List<FieldVector[]> parts = new ArrayList<>();
          parts.add(carry);
          int rows = rowCount(carry);
          try {
            for (int r = 0; r < inputs.size(); r++) {
              if (lastRow[r] < 0 && nextChunk[r] < inputs.get(r).chunkCount()) {
                FieldVector[] chunk = inputs.get(r).read(nextChunk[r]++, context.allocator());
                parts.add(chunk);
                rows += rowCount(chunk);
                lastRow[r] = rows - 1;
              }
            }
            FieldVector[] combined = Vectors.concatenate(parts, types, context.allocator());
            try {
              carry = emitRound(combined, rows, output);
            } finally {
              Vectors.close(combined);
            }
          } finally {
            for (FieldVector[] part : parts) {
              Vectors.close(part);
            }
          }
          if (carry == null) {
            return;
          }
        }
      } finally {
        Vectors.close(carry);
      }
    }

    /** Emits the safe prefix of one round; returns the rest, or null when all is emitted. */
    private FieldVector[] emitRound(FieldVector[] combined, int rows, Output output) {
      RowComparator comparator = new RowComparator(combined, keys, rows);
      int[] order = comparator.sortedOrder(rows);
      int bound = -1;
      for (int r = 0; r < inputs.size(); r++) {
        if (lastRow[r] >= 0 && nextChunk[r] < inputs.get(r).chunkCount()
            && (bound < 0 || comparator.compare(lastRow[r], bound) < 0)) {
          bound = lastRow[r];
        }
      }
      int[] position = new int[rows];
      for (int p = 0; p < rows; p++) {
        position[order[p]] = p;
      }
      int end = bound < 0 ? rows : position[bound] + 1;
      output.accept(combined, order, 0, end);
      for (int r = 0; r < inputs.size(); r++) {
        if (lastRow[r] >= 0) {
          lastRow[r] = position[lastRow[r]] < end ? -1 : position[lastRow[r]] - end;
        }
      }
      if (bound < 0) {
        return null;
      }
      FieldVector[] rest = Vectors.allocate(types, context.allocator(), rows - end);
      try {
        int[] tail = Arrays.copyOfRange(order, end, rows);
        for (int c = 0; c < combined.length; c++) {
          Vectors.gather(combined[c], tail, tail.length, rest[c], 0);
        }
        Vectors.setValueCount(rest, tail.length);
        return rest;
      } catch (RuntimeException e) {
        Vectors.close(rest);
        throw e;
      }
    }
  }

  private static int rowCount(FieldVector[] chunk) {
    return chunk.length == 0 ? 0 : chunk[0].getValueCount();
  }

  @Override
  public synchronized void close() {
    for (SpillFile run : runs) {
      run.close();
    }
    runs.clear();
  }
}
