package io.exapg.core.exec.join;

import io.exapg.core.batch.Batch;
import io.exapg.core.exec.BatchSink;
import io.exapg.core.exec.OperatorFactory;
import io.exapg.core.exec.TaskContext;
import io.exapg.core.expr.CompiledFilter;
import io.exapg.core.expr.ExpressionCompiler;
import io.exapg.core.plan.HashJoinNode;
import io.exapg.core.plan.JoinType;
import io.exapg.core.type.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Streams probe batches through the build side's hash table. Matches are collected in chunks
 * of row pairs, joined into fresh vectors and filtered by the residual condition; LEFT and FULL
 * joins add unmatched probe rows, SEMI and ANTI joins pass the probe batch on with a selection;
 * RIGHT_SEMI and RIGHT_ANTI joins only mark the build rows matched, which are emitted later.
 */
public final class HashJoinProbeOperator implements BatchSink {
  private final JoinType joinType;
  private final JoinBuildSink build;
  private final JoinKeys keys;
  private final JoinOutput output;
  private final BatchSink downstream;
  private final int[] pairProbe = new int[JoinOutput.CHUNK_ROWS];
  private final int[] pairBuild = new int[JoinOutput.CHUNK_ROWS];
  private final int[] pairPosition = new int[JoinOutput.CHUNK_ROWS];
  private boolean[] matched = new boolean[0];
  private int[] rows = new int[0];

  private HashJoinProbeOperator(JoinType joinType, JoinBuildSink build, JoinKeys keys,
      JoinOutput output, BatchSink downstream) {
    this.joinType = joinType;
    this.build = build;
    this.keys = keys;
    this.output = output;
    this.downstream = downstream;
  }

  public static OperatorFactory factory(HashJoinNode node, JoinBuildSink build) {
    List<DataType> probeTypes = node.probe().outputTypes();
    List<DataType> buildTypes = node.build().outputTypes();
    List<DataType> pairTypes = new ArrayList<>(probeTypes);
    pairTypes.addAll(buildTypes);
    ExpressionCompiler.Factory<CompiledFilter> residual = node.residual() == null ? null
        : ExpressionCompiler.compileFilter(node.residual(), pairTypes);
    return (TaskContext task, BatchSink downstream) -> new HashJoinProbeOperator(
        node.joinType(), build,
        new JoinKeys(node.probeKeys(), node.nullSafeKeys(), probeTypes),
        new JoinOutput(probeTypes, buildTypes, residual == null ? null : residual.newInstance(),
            task.query()),
        downstream);
  }

  @Override
  public void push(Batch batch) {
    int n = batch.size();
    if (n == 0) {
      return;
    }
    JoinHashTable table = build.table();
    keys.compute(batch);
    if (matched.length < n) {
      matched = new boolean[n];
      rows = new int[n];
    }
    Arrays.fill(matched, 0, n, false);
    boolean semiOrAnti = joinType == JoinType.SEMI || joinType == JoinType.ANTI;
    boolean markOnly = joinType == JoinType.RIGHT_SEMI || joinType == JoinType.RIGHT_ANTI;
    if (markOnly && !output.hasResidual()) {
      byte[] buildMatched = build.matchedFlags();
      for (int j = 0; j < n; j++) {
        if (keys.unmatchable[j]) {
          continue;
        }
        for (int r = table.first(keys.hashes[j]); r >= 0; r = table.next(r)) {
          if (buildMatched[r] == 0 && table.matches(r, keys, j)) {
            buildMatched[r] = 1;
          }
        }
      }
    } else if (semiOrAnti && !output.hasResidual()) {
      for (int j = 0; j < n; j++) {
        if (keys.unmatchable[j]) {
          continue;
        }
        for (int r = table.first(keys.hashes[j]); r >= 0; r = table.next(r)) {
          if (table.matches(r, keys, j)) {
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

  private void probe(Batch batch, JoinHashTable table, int n, boolean emit) {
    byte[] buildMatched = joinType.marksBuildRows() ? build.matchedFlags() : null;
    boolean[] probeMatched = joinType == JoinType.INNER ? null : matched;
    int count = 0;
    for (int j = 0; j < n; j++) {
      if (keys.unmatchable[j]) {
        continue;
      }
      int physical = batch.row(j);
      for (int r = table.first(keys.hashes[j]); r >= 0; r = table.next(r)) {
        if (!table.matches(r, keys, j)) {
          continue;
        }
        pairProbe[count] = physical;
        pairBuild[count] = r;
        pairPosition[count] = j;
        if (++count == JoinOutput.CHUNK_ROWS) {
          output.pairs(batch, build.rows(), pairProbe, pairBuild, count, emit, probeMatched,
              pairPosition, buildMatched, downstream);
          count = 0;
        }
      }
    }
    output.pairs(batch, build.rows(), pairProbe, pairBuild, count, emit, probeMatched,
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
