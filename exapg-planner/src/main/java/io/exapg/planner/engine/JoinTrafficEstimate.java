package io.exapg.planner.engine;

import io.exapg.core.exec.OperatorStatistics;
import io.exapg.core.exec.QueryStatistics;
import io.exapg.core.plan.HashJoinNode;
import io.exapg.core.plan.PlanNode;
import io.exapg.core.trace.ColumnRef;
import io.exapg.core.trace.JoinTraffic;
import io.exapg.core.type.DataType;
import io.exapg.core.type.PhysicalType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * The traffic of a query's hash joins whose keys are stored columns of one table per side:
 * rows and estimated bytes in from each side, and what a cluster would move between nodes to
 * run the join under the tables' current DISTRIBUTE BY keys. A side distributed by exactly
 * its join key columns stays where it is; a side that is not is sent to where its partner's
 * rows are (both sides when neither is placed by its keys).
 */
final class JoinTrafficEstimate {
  /** Bytes counted per value of a variable-length type (strings, bytea, arrays). */
  static final int VARIABLE_WIDTH = 16;

  private JoinTrafficEstimate() {
  }

  /**
   * @param distribution a table's DISTRIBUTE BY columns by catalog id, as column positions;
   *     empty when it has none or is gone
   */
  static List<JoinTraffic> of(PlanNode root, QueryStatistics statistics,
      LongFunction<List<Integer>> distribution) {
    List<JoinTraffic> found = new ArrayList<>();
    collect(root, statistics, distribution, found);
    return found;
  }

  private static void collect(PlanNode node, QueryStatistics statistics,
      LongFunction<List<Integer>> distribution, List<JoinTraffic> found) {
    for (PlanNode input : node.inputs()) {
      collect(input, statistics, distribution, found);
    }
    if (node instanceof HashJoinNode join) {
      JoinTraffic traffic = traffic(join, statistics, distribution);
      if (traffic != null) {
        found.add(traffic);
      }
    }
  }

  private static JoinTraffic traffic(HashJoinNode join, QueryStatistics statistics,
      LongFunction<List<Integer>> distribution) {
    List<ColumnRef> probeKeys = origins(join.probe(), join.probeKeys());
    List<ColumnRef> buildKeys = origins(join.build(), join.buildKeys());
    OperatorStatistics probe = statistics.operatorOf(join.probe());
    OperatorStatistics build = statistics.operatorOf(join.build());
    if (probeKeys == null || buildKeys == null || probe == null || build == null) {
      return null;
    }
    long probeBytes = probe.rows() * rowWidth(join.probe());
    long buildBytes = build.rows() * rowWidth(join.build());
    List<Integer> probePlacement = placement(probeKeys, distribution);
    List<Integer> buildPlacement = placement(buildKeys, distribution);
    long moved;
    if (probePlacement != null && probePlacement.equals(buildPlacement)) {
      moved = 0;
    } else if (probePlacement != null) {
      moved = buildBytes;
    } else if (buildPlacement != null) {
      moved = probeBytes;
    } else {
      moved = probeBytes + buildBytes;
    }
    boolean probeFirst = compare(probeKeys.getFirst(), buildKeys.getFirst()) <= 0;
    return probeFirst
        ? new JoinTraffic(new JoinTraffic.Key(probeKeys, buildKeys), 1, probe.rows(),
            build.rows(), probeBytes, buildBytes, moved)
        : new JoinTraffic(new JoinTraffic.Key(buildKeys, probeKeys), 1, build.rows(),
            probe.rows(), buildBytes, probeBytes, moved);
  }

  /** The stored columns of one table the keys are, or null when they are not. */
  private static List<ColumnRef> origins(PlanNode side, List<Integer> keys) {
    List<ColumnRef> columns = new ArrayList<>();
    for (int key : keys) {
      ColumnRef origin = ColumnOrigins.of(side, key);
      if (origin == null || !columns.isEmpty()
          && origin.tableId() != columns.getFirst().tableId()) {
        return null;
      }
      columns.add(origin);
    }
    return columns;
  }

  /**
   * Where the table's DISTRIBUTE BY columns stand among the join keys, in distribution order;
   * null when it has none or one that is not a join key (its rows are not placed by them).
   * Two sides with the same placement hash equal keys to the same node.
   */
  private static List<Integer> placement(List<ColumnRef> keys,
      LongFunction<List<Integer>> distribution) {
    List<Integer> distributedBy = distribution.apply(keys.getFirst().tableId());
    if (distributedBy.isEmpty()) {
      return null;
    }
    List<Integer> columns = keys.stream().map(ColumnRef::column).toList();
    List<Integer> positions = new ArrayList<>();
    for (int column : distributedBy) {
      int position = columns.indexOf(column);
      if (position < 0) {
        return null;
      }
      positions.add(position);
    }
    return positions;
  }

  private static int compare(ColumnRef a, ColumnRef b) {
    int byTable = Long.compare(a.tableId(), b.tableId());
    return byTable != 0 ? byTable : Integer.compare(a.column(), b.column());
  }

  static long rowWidth(PlanNode node) {
    long width = 0;
    for (DataType type : node.outputTypes()) {
      PhysicalType physical = type.physical();
      width += physical == PhysicalType.BIT ? 1
          : physical.isFixedWidth() ? physical.byteWidth() : VARIABLE_WIDTH;
    }
    return width;
  }
}
