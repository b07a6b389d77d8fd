package io.exapg.core.exec.join;

import io.exapg.core.batch.Batch;
import io.exapg.core.batch.Vectors;
import io.exapg.core.exec.BatchSink;
import io.exapg.core.exec.QueryContext;
import io.exapg.core.exec.Source;
import io.exapg.core.exec.TaskContext;
import io.exapg.core.type.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * The build rows of a join that a probe row matched, or that none did, once the probe side
 * has run: a FULL join's unmatched build rows (after NULLs for the probe columns), a
 * RIGHT_SEMI join's matched and a RIGHT_ANTI join's unmatched ones (build columns only).
 */
public final class BuildRowsSource implements Source {
  private final JoinBuildSink build;
  private final List<DataType> probeTypes;
  private final List<DataType> outputTypes;
  private final boolean matchedRows;
  private int[] selected = new int[0];
  private int count;

  /**
   * @param probeTypes the probe columns to fill with NULLs in front, or an empty list
   * @param matchedRows whether to emit the matched build rows, else the unmatched ones
   */
  public BuildRowsSource(JoinBuildSink build, List<DataType> probeTypes, boolean matchedRows) {
    this.build = build;
    this.probeTypes = List.copyOf(probeTypes);
    this.outputTypes = new ArrayList<>(probeTypes);
    this.outputTypes.addAll(build.types());
    this.matchedRows = matchedRows;
  }

  @Override
  public void open(QueryContext context) {
    byte[] matched = build.matchedFlags();
    byte wanted = (byte) (matchedRows ? 1 : 0);
    selected = new int[build.rowCount()];
    count = 0;
    for (int r = 0; r < build.rowCount(); r++) {
      if (matched[r] == wanted) {
        selected[count++] = r;
      }
    }
  }

  @Override
  public int morselCount() {
    return (count + JoinOutput.CHUNK_ROWS - 1) / JoinOutput.CHUNK_ROWS;
  }

  @Override
  public void produce(int morsel, TaskContext task, BatchSink sink) {
    int from = morsel * JoinOutput.CHUNK_ROWS;
    int n = Math.min(JoinOutput.CHUNK_ROWS, count - from);
    emit(build.rows(), Arrays.copyOfRange(selected, from, from + n), n, probeTypes.size(),
        outputTypes, task, sink);
  }

  /**
   * Pushes build rows rows[0, n) as one batch of the output types: NULLs in the first
   * probeColumns columns, then the build columns.
   */
  static void emit(FieldVector[] buildRows, int[] rows, int n, int probeColumns,
      List<DataType> outputTypes, TaskContext task, BatchSink sink) {
    FieldVector[] vectors = Vectors.allocate(outputTypes, task.query().allocator(), n);
    try {
      for (int c = 0; c < probeColumns; c++) {
        Vectors.fillNulls(vectors[c], 0, n);
      }
      for (int c = 0; c < buildRows.length; c++) {
        Vectors.gather(buildRows[c], rows, n, vectors[probeColumns + c], 0);
      }
      Vectors.setValueCount(vectors, n);
      sink.push(Batch.of(vectors, n));
    } finally {
      Vectors.close(vectors);
    }
  }

  @Override
  public String describe() {
    return matchedRows ? "matched build rows" : "unmatched build rows";
  }
}
