package io.exapg.core.exec.join;

import io.exapg.core.batch.Batch;
import io.exapg.core.batch.Vectors;
import io.exapg.core.exec.BatchSink;
import io.exapg.core.exec.QueryContext;
import io.exapg.core.exec.Source;
import io.exapg.core.exec.TaskContext;
import io.exapg.core.type.DataType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/** The build rows of a FULL join that no probe row matched, with NULLs for the probe side. */
public final class UnmatchedBuildRowsSource implements Source {
  private final JoinBuildSink build;
  private final List<DataType> probeTypes;
  private final List<DataType> outputTypes;
  private int[] unmatched = new int[0];
  private int count;

  public UnmatchedBuildRowsSource(JoinBuildSink build, List<DataType> probeTypes) {
    this.build = build;
    this.probeTypes = List.copyOf(probeTypes);
    this.outputTypes = new ArrayList<>(probeTypes);
    this.outputTypes.addAll(build.types());
  }

  @Override
  public void open(QueryContext context) {
    byte[] matched = build.matchedFlags();
    unmatched = new int[build.rowCount()];
    count = 0;
    for (int r = 0; r < build.rowCount(); r++) {
      if (matched[r] == 0) {
        unmatched[count++] = r;
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
    int[] rows = java.util.Arrays.copyOfRange(unmatched, from, from + n);
    FieldVector[] vectors = Vectors.allocate(outputTypes, task.query().allocator(), n);
    try {
      int probeColumns = probeTypes.size();
      for (int c = 0; c < probeColumns; c++) {
        Vectors.fillNulls(vectors[c], 0, n);
      }
      FieldVector[] buildRows = build.rows();
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
    return "unmatched build rows";
  }
}
