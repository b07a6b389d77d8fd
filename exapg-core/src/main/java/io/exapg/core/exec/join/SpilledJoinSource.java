package io.exapg.core.exec.join;

import io.exapg.core.batch.Batch;
import io.exapg.core.batch.Vectors;
import io.exapg.core.exec.BatchSink;
import io.exapg.core.exec.QueryContext;
import io.exapg.core.exec.Source;
import io.exapg.core.exec.TaskContext;
import io.exapg.core.exec.spill.HashPartitions;
import io.exapg.core.exec.spill.SpillFile;
import io.exapg.core.expr.CompiledFilter;
import io.exapg.core.expr.ExpressionCompiler;
import io.exapg.core.memory.MemoryReservation;
import io.exapg.core.plan.HashJoinNode;
import io.exapg.core.plan.JoinType;
import io.exapg.core.type.DataType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * The second phase of a grace hash join, after the probe side has run: one morsel per
 * partition, which loads that partition's build rows, builds their hash table and probes it
 * with the partition's probe rows; joins that emit build rows (RIGHT, FULL, RIGHT_SEMI,
 * RIGHT_ANTI) then emit the partition's matched or unmatched ones. Produces nothing when the
 * build side did not spill.
 */
public final class SpilledJoinSource implements Source {
  private final HashJoinNode node;
  private final JoinBuildSink build;
  private final ExpressionCompiler.Factory<CompiledFilter> residual;
  private final List<DataType> buildRowTypes;
  private final int nullProbeColumns;

  public SpilledJoinSource(HashJoinNode node, JoinBuildSink build) {
    this.node = node;
    this.build = build;
    this.residual = HashJoinProbeOperator.compileResidual(node);
    boolean withProbeColumns = node.joinType() == JoinType.RIGHT
        || node.joinType() == JoinType.FULL;
    this.nullProbeColumns = withProbeColumns ? node.probe().outputTypes().size() : 0;
    this.buildRowTypes = new ArrayList<>(withProbeColumns ? node.probe().outputTypes()
        : List.of());
    this.buildRowTypes.addAll(node.build().outputTypes());
  }

  @Override
  public void open(QueryContext context) {
    if (build.isSpilled()) {
      build.probePartitions().flush(context);
    }
  }

  @Override
  public int morselCount() {
    return build.isSpilled() ? HashPartitions.COUNT : 0;
  }

  @Override
  public void produce(int morsel, TaskContext task, BatchSink sink) {
    SpillFile buildFile = build.buildPartitions().take(morsel);
    SpillFile probeFile = build.probePartitions().take(morsel);
    try {
      if (probeFile != null || node.joinType().marksBuildRows() && buildFile != null) {
        join(buildFile, probeFile, task, sink);
      }
    } finally {
      if (buildFile != null) {
        buildFile.close();
      }
      if (probeFile != null) {
        probeFile.close();
      }
    }
  }

  private void join(SpillFile buildFile, SpillFile probeFile, TaskContext task, BatchSink sink) {
    List<DataType> buildTypes = node.build().outputTypes();
    FieldVector[] rows = load(buildFile, buildTypes, task);
    try (MemoryReservation reservation = new MemoryReservation(task.query().allocator(),
        "hash join partition")) {
      int rowCount = rows.length == 0 ? 0 : rows[0].getValueCount();
      JoinHashTable table = new JoinHashTable(Batch.of(rows, rowCount),
          new JoinKeys(node.buildKeys(), node.nullSafeKeys(), buildTypes));
      reservation.grow(table.memoryBytes());
      HashJoinProbeOperator probe = HashJoinProbeOperator.forPartition(node, residual, rows,
          table, task, sink);
      for (int chunk = 0; probeFile != null && chunk < probeFile.chunkCount(); chunk++) {
        task.query().checkCancelled();
        FieldVector[] probeRows = probeFile.read(chunk, task.query().allocator());
        try {
          probe.push(Batch.of(probeRows, probeFile.rowCount(chunk)));
        } finally {
          Vectors.close(probeRows);
        }
      }
      if (node.joinType().marksBuildRows()) {
        emitBuildRows(rows, probe.partitionMatched(), task, sink);
      }
    } finally {
      Vectors.close(rows);
    }
  }

  /** A RIGHT_SEMI join's matched build rows, the unmatched ones for the other kinds. */
  private void emitBuildRows(FieldVector[] rows, byte[] matched, TaskContext task,
      BatchSink sink) {
    byte wanted = (byte) (node.joinType() == JoinType.RIGHT_SEMI ? 1 : 0);
    int[] selected = new int[JoinOutput.CHUNK_ROWS];
    int count = 0;
    for (int r = 0; r < matched.length; r++) {
      if (matched[r] == wanted) {
        selected[count++] = r;
        if (count == selected.length) {
          BuildRowsSource.emit(rows, selected, count, nullProbeColumns, buildRowTypes, task,
              sink);
          count = 0;
        }
      }
    }
    if (count > 0) {
      BuildRowsSource.emit(rows, selected, count, nullProbeColumns, buildRowTypes, task, sink);
    }
  }

  /** All build rows of one partition in one set of vectors. */
  private static FieldVector[] load(SpillFile file, List<DataType> types, TaskContext task) {
    List<FieldVector[]> chunks = new ArrayList<>();
    try {
      for (int chunk = 0; file != null && chunk < file.chunkCount(); chunk++) {
        chunks.add(file.read(chunk, task.query().allocator()));
      }
      return Vectors.concatenate(chunks, types, task.query().allocator());
    } finally {
      for (FieldVector[] chunk : chunks) {
        Vectors.close(chunk);
      }
    }
  }

  @Override
  public String describe() {
    return "spilled join partitions";
  }
}
