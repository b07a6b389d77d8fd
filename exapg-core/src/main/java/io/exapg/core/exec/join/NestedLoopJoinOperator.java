package io.exapg.core.exec.join;

import io.exapg.core.batch.Batch;
import io.exapg.core.exec.BatchSink;
import io.exapg.core.exec.OperatorFactory;
import io.exapg.core.exec.TaskContext;
import io.exapg.core.expr.CompiledFilter;
import io.exapg.core.expr.ExpressionCompiler;
import io.exapg.core.plan.JoinType;
import io.exapg.core.plan.NestedLoopJoinNode;
import io.exapg.core.type.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Pairs every left row with every row of the materialized right side, in chunks, keeping the
 * pairs that satisfy the condition. For conditions without equalities only.
 */
public final class NestedLoopJoinOperator implements BatchSink {
  private final JoinType joinType;
  private final JoinBuildSink right;
  private final JoinOutput output;
  private final BatchSink downstream;
  private final int[] pairLeft = new int[JoinOutput.CHUNK_ROWS];
  private final int[] pairRight = new int[JoinOutput.CHUNK_ROWS];
  private final int[] pairPosition = new int[JoinOutput.CHUNK_ROWS];
  private boolean[] matched = new boolean[0];
  private int[] rows = new int[0];

  private NestedLoopJoinOperator(JoinType joinType, JoinBuildSink right, JoinOutput output,
      BatchSink downstream) {
    this.joinType = joinType;
    this.right = right;
    this.output = output;
    this.downstream = downstream;
  }

  public static OperatorFactory factory(NestedLoopJoinNode node, JoinBuildSink right) {
    List<DataType> leftTypes = node.left().outputTypes();
    List<DataType> rightTypes = node.right().outputTypes();
    List<DataType> pairTypes = new ArrayList<>(leftTypes);
    pairTypes.addAll(rightTypes);
    ExpressionCompiler.Factory<CompiledFilter> condition = node.condition() == null ? null
        : ExpressionCompiler.compileFilter(node.condition(), pairTypes);
    return (TaskContext task, BatchSink downstream) -> new NestedLoopJoinOperator(
        node.joinType(), right,
        new JoinOutput(leftTypes, rightTypes,
            condition == null ? null : condition.newInstance(), task.query()),
        downstream);
  }

  @Override
  public void push(Batch batch) {
    int n = batch.size();
    if (n == 0) {
      return;
    }
    if (matched.length < n) {
      matched = new boolean[n];
      rows = new int[n];
    }
    Arrays.fill(matched, 0, n, false);
    int m = right.rowCount();
    boolean emit = joinType == JoinType.INNER || joinType == JoinType.LEFT;
    boolean[] leftMatched = joinType == JoinType.INNER ? null : matched;
    int count = 0;
    for (int j = 0; j < n && m > 0; j++) {
      int physical = batch.row(j);
      for (int r = 0; r < m; r++) {
        pairLeft[count] = physical;
        pairRight[count] = r;
        pairPosition[count] = j;
        if (++count == JoinOutput.CHUNK_ROWS) {
          output.pairs(batch, right.rows(), pairLeft, pairRight, count, emit, leftMatched,
              pairPosition, null, downstream);
          count = 0;
        }
      }
    }
    output.pairs(batch, right.rows(), pairLeft, pairRight, count, emit, leftMatched,
        pairPosition, null, downstream);
    switch (joinType) {
      case LEFT -> {
        int unmatched = 0;
        for (int j = 0; j < n; j++) {
          if (!matched[j]) {
            rows[unmatched++] = batch.row(j);
          }
        }
        output.probeRowsWithNulls(batch, rows, unmatched, downstream);
      }
      case SEMI, ANTI -> {
        boolean wanted = joinType == JoinType.SEMI;
        int selected = 0;
        for (int j = 0; j < n; j++) {
          if (matched[j] == wanted) {
            rows[selected++] = batch.row(j);
          }
        }
        if (selected == n) {
          downstream.push(batch);
        } else if (selected > 0) {
          downstream.push(batch.withSelection(rows, selected));
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
