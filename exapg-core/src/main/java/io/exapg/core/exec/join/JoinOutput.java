package io.exapg.core.exec.join;

import io.exapg.core.batch.Batch;
import io.exapg.core.batch.Vectors;
import io.exapg.core.exec.BatchSink;
import io.exapg.core.exec.QueryContext;
import io.exapg.core.expr.CompiledFilter;
import io.exapg.core.type.DataType;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * Builds joined rows from pairs of (probe row, build row) into fresh vectors, applies the
 * residual condition, and reports which pairs survived. One instance per thread.
 */
final class JoinOutput {
  static final int CHUNK_ROWS = 16384;

  private final List<DataType> probeTypes;
  private final List<DataType> buildTypes;
  private final List<DataType> outputTypes;
  private final CompiledFilter residual;
  private final Object[] parameters;
  private final BufferAllocator allocator;
  private final QueryContext query;
  private int[] survivors = new int[CHUNK_ROWS];

  JoinOutput(List<DataType> probeTypes, List<DataType> buildTypes, CompiledFilter residual,
      QueryContext query) {
    this.probeTypes = probeTypes;
    this.buildTypes = buildTypes;
    this.outputTypes = new java.util.ArrayList<>(probeTypes);
    this.outputTypes.addAll(buildTypes);
    this.residual = residual;
    this.parameters = query.parameters();
    this.allocator = query.allocator();
    this.query = query;
  }

  boolean hasResidual() {
    return residual != null;
  }

  /**
   * Joins the pairs (probeRows[k], buildRows[k]) for k below n; pushes the surviving rows if
   * emit, and marks the survivors' probe and build rows in the flag arrays when given.
   */
  void pairs(Batch probe, FieldVector[] build, int[] probeRows, int[] buildRows, int n,
      boolean emit, boolean[] probeMatched, int[] probePositions, byte[] buildMatched,
      BatchSink downstream) {
    if (n == 0) {
      return;
    }
    query.checkCancelled();
    if (residual == null && !emit) {
      mark(null, n, probeMatched, probePositions, buildMatched, buildRows);
      return;
    }
    FieldVector[] vectors = Vectors.allocate(outputTypes, allocator, n);
    try {
      int probeColumns = probeTypes.size();
      for (int c = 0; c < probeColumns; c++) {
        Vectors.gather(probe.column(c), probeRows, n, vectors[c], 0);
      }
      for (int c = 0; c < buildTypes.size(); c++) {
        Vectors.gather(build[c], buildRows, n, vectors[probeColumns + c], 0);
      }
      Vectors.setValueCount(vectors, n);
      Batch joined = Batch.of(vectors, n);
      if (residual != null) {
        if (survivors.length < n) {
          survivors = new int[n];
        }
        int count = residual.filter(joined, survivors, parameters);
        mark(survivors, count, probeMatched, probePositions, buildMatched, buildRows);
        if (emit && count > 0) {
          downstream.push(count == n ? joined : joined.withSelection(survivors, count));
        }
      } else {
        mark(null, n, probeMatched, probePositions, buildMatched, buildRows);
        downstream.push(joined);
      }
    } finally {
      Vectors.close(vectors);
    }
  }

  private static void mark(int[] which, int count, boolean[] probeMatched,
      int[] probePositions, byte[] buildMatched, int[] buildRows) {
    for (int k = 0; k < count; k++) {
      int pair = which == null ? k : which[k];
      if (probeMatched != null) {
        probeMatched[probePositions[pair]] = true;
      }
      if (buildMatched != null) {
        buildMatched[buildRows[pair]] = 1;
      }
    }
  }

  /** Pushes probe rows with NULLs for every build column. */
  void probeRowsWithNulls(Batch probe, int[] probeRows, int n, BatchSink downstream) {
    if (n == 0) {
      return;
    }
    FieldVector[] vectors = Vectors.allocate(outputTypes, allocator, n);
    try {
      int probeColumns = probeTypes.size();
      for (int c = 0; c < probeColumns; c++) {
        Vectors.gather(probe.column(c), probeRows, n, vectors[c], 0);
      }
      for (int c = 0; c < buildTypes.size(); c++) {
        Vectors.fillNulls(vectors[probeColumns + c], 0, n);
      }
      Vectors.setValueCount(vectors, n);
      downstream.push(Batch.of(vectors, n));
    } finally {
      Vectors.close(vectors);
    }
  }
}
