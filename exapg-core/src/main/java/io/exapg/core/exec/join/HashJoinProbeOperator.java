package io.exapg.core.exec.join;

import io.exapg.core.batch.Batch;
import io.exapg.core.exec.BatchSink;
import io.exapg.core.exec.OperatorFactory;
import io.exapg.core.exec.QueryContext;
import io.exapg.core.exec.TaskContext;
import io.exapg.core.expr.CompiledFilter;
import io.exapg.core.expr.ExpressionCompiler;
import io.exapg.core.plan.HashJoinNode;
import io.exapg.core.plan.JoinType;
import io.exapg.core.type.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * Streams probe batches through the build side's hash table. Matches are collected in chunks
 * of row pairs, joined into fresh vectors and filtered by the residual condition; LEFT and FULL
 * joins add unmatched probe rows, SEMI and ANTI joins pass the probe batch on with a selection;
 * RIGHT_SEMI and RIGHT_ANTI joins only mark the build rows matched, which are emitted later.
 * When the build side spilled, probe rows go to disk by key hash instead (those whose key is
 * NULL are finished at once), to be joined by {@link SpilledJoinSource}.
 */
public final class HashJoinProbeOperator implements BatchSink {
  private final JoinType joinType;
  private final JoinBuildSink build;
  private final JoinKeys keys;
  private final JoinOutput output;
  private final BatchSink downstream;
  private final QueryContext query;
  private JoinHashTable table;
  private FieldVector[] buildRows;
  private byte[] partitionMatched;
  private final int[] pairProbe = new int[JoinOutput.CHUNK_ROWS];
  private final int[] pairBuild = new int[JoinOutput.CHUNK_ROWS];
  private final int[] pairPosition = new int[JoinOutput.CHUNK_ROWS];
  private boolean[] matched = new boolean[0];
  private int[] rows = new int[0];

  private HashJoinProbeOperator(HashJoinNode node,
      ExpressionCompiler.Factory<CompiledFilter> residual, JoinBuildSink build,
      TaskContext task, BatchSink downstream) {
    List<DataType> probeTypes = node.probe().outputTypes();
    this.joinType = node.joinType();
    this.build = build;
    this.keys = new JoinKeys(node.probeKeys(), node.nullSafeKeys(), probeTypes);
    this.output = new JoinOutput(probeTypes, node.build().outputTypes(),
        residual == null ? null : residual.newInstance(), task.query());
    this.downstream = downstream;
    this.query = task.query();
  }

  /** The residual condition over (probe columns, build columns), compiled; null if none. */
  static ExpressionCompiler.Factory<CompiledFilter> compileResidual(HashJoinNode node) {
    if (node.residual() == null) {
      return null;
    }
    List<DataType> pairTypes = new ArrayList<>(node.probe().outputTypes());
    pairTypes.addAll(node.build().outputTypes());
    return ExpressionCompiler.compileFilter(node.residual(), pairTypes);
  }

  public static OperatorFactory factory(HashJoinNode node, JoinBuildSink build) {
    ExpressionCompiler.Factory<CompiledFilter> residual = compileResidual(node);
    return (TaskContext task, BatchSink downstream) -> new HashJoinProbeOperator(node,
        residual, build, task, downstream);
  }

  /** An operator that probes one spilled partition's build rows and hash table. */
  static HashJoinProbeOperator forPartition(HashJoinNode node,
      ExpressionCompiler.Factory<CompiledFilter> residual, FieldVector[] buildRows,
      JoinHashTable table, TaskContext task, BatchSink downstream) {
    HashJoinProbeOperator operator = new HashJoinProbeOperator(node, residual, null, task,
        downstream);
    operator.buildRows = buildRows;
    operator.table = table;
    int rows = buildRows.length == 0 ? 0 : buildRows[0].getValueCount();
    operator.partitionMatched = new byte[rows];
    return operator;
  }

  /** Per build row of a spilled partition, whether a probe row matched it. */
  byte[] partitionMatched() {
    return partitionMatched;
  }

  private byte[] matchedFlags() {
    return build != null ? build.matchedFlags() : partitionMatched;
  }

  @Override
  public void push(Batch batch) {
    int n = batch.size();
    if (n == 0) {
      return;
    }
    if (table == null) {
      if (build.isSpilled()) {
        spill(batch, n);
        return;
      }
      table = build.table();
      buildRows = build.rows();
    }
    keys.compute(batch);
    if (matched.length < n) {
      matched = new boolean[n];
      rows = new int[n];
    }
    Arrays.fill(matched, 0, n, false);
    boolean semiOrAnti = joinType == JoinType.SEMI || joinType == JoinType.ANTI;
    boolean markOnly = joinType == JoinType.RIGHT_SEMI || joinType == JoinType.RIGHT_ANTI;
    if (markOnly && !output.hasResidual()) {
      byte[] buildMatched = matchedFlags();
      for (int j = 0; j < n; j++) {
        if (keys.unmatchable[j]) {
          continue;
        }
        int bucket = table.bucket(keys, j);
        for (int e = table.begin(bucket), end = table.end(bucket); e < end; e++) {
          if (table.matches(e, keys, j)) {
            buildMatched[table.row(e)] = 1;
          }
        }
      }
    } else if (semiOrAnti && !output.hasResidual()) {
      for (int j = 0; j < n; j++) {
        if (keys.unmatchable[j]) {
          continue;
        }
        int bucket = table.bucket(keys, j);
        for (int e = table.begin(bucket), end = table.end(bucket); e < end; e++) {
          if (table.matches(e, keys, j)) {
            matched[j] = true;
            break;
          }
        }
      }
    } else {
      probe(batch, table, n, !semiOrAnti && !markOnly);
    }
    finishBatch(batch, n);
  }

  /** Sends the rows to the probe partitions; rows with a NULL key are finished here. */
  private void spill(Batch batch, int n) {
    keys.compute(batch);
    if (matched.length < n) {
      matched = new boolean[n];
      rows = new int[n];
    }
    int count = 0;
    for (int j = 0; j < n; j++) {
      if (keys.unmatchable[j]) {
        rows[count++] = batch.row(j);
      }
    }
    if (count > 0) {
      switch (joinType) {
        case LEFT, FULL -> output.probeRowsWithNulls(batch, rows, count, downstream);
        case ANTI -> downstream.push(batch.withSelection(Arrays.copyOf(rows, count), count));
        default -> {
        }
      }
    }
    build.probePartitions().write(batch, keys.hashes, keys.unmatchable, query);
  }

  private void probe(Batch batch, JoinHashTable table, int n, boolean emit) {
    byte[] buildMatched = joinType.marksBuildRows() ? matchedFlags() : null;
    boolean[] probeMatched = joinType == JoinType.INNER ? null : matched;
    int count = 0;
    for (int j = 0; j < n; j++) {
      if (keys.unmatchable[j]) {
        continue;
      }
      int physical = batch.row(j);
      int bucket = table.bucket(keys, j);
      for (int e = table.begin(bucket), end = table.end(bucket); e < end; e++) {
        if (!table.matches(e, keys, j)) {
          continue;
        }
        pairProbe[count] = physical;
        pairBuild[count] = table.row(e);
        pairPosition[count] = j;
        if (++count == JoinOutput.CHUNK_ROWS) {
          output.pairs(batch, buildRows, pairProbe, pairBuild, count, emit, probeMatched,
              pairPosition, buildMatched, downstream);
          count = 0;
        }
      }
    }
    output.pairs(batch, buildRows, pairProbe, pairBuild, count, emit, probeMatched,
        pairPosition, buildMatched, downstream);
  }

  private void finishBatch(Batch batch, int n) {
    switch (joinType) {
      case LEFT, FULL -> {
        int count = 0;
        for (int j = 0; j < n; j++) {
          if (!matched[j]) {
            rows[count++] = batch.row(j);
          }
        }
        output.probeRowsWithNulls(batch, rows, count, downstream);
      }
      case SEMI, ANTI -> {
        boolean wanted = joinType == JoinType.SEMI;
        int count = 0;
        for (int j = 0; j < n; j++) {
          if (matched[j] == wanted) {
            rows[count++] = batch.row(j);
          }
        }
        if (count == n) {
          downstream.push(batch);
        } else if (count > 0) {
          downstream.push(batch.withSelection(rows, count));
        }
      }
      default -> {
      }
    }
  }

  @Override
  public void finish() {
    downstream.finish();
  }
}
