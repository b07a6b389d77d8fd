package io.exapg.planner.engine;

import io.exapg.core.exec.QueryStatistics;
import io.exapg.core.exec.ScanStatistics;
import io.exapg.core.plan.PlanNode;
import io.exapg.core.plan.ScanNode;
import java.util.List;

/** Prints a plan as an indented tree, one operator per line. */
final class ExplainFormatter {
  private ExplainFormatter() {
  }

  /**
   * @param statistics what the plan did when it ran (EXPLAIN ANALYZE), or null: each scan
   *     then gets a line with its rows, row groups and reads per I/O tier
   */
  static void describe(PlanNode node, int depth, List<String> lines,
      QueryStatistics statistics) {
    String indent = "  ".repeat(depth);
    lines.add(indent + (depth > 0 ? "-> " : "") + node.describe());
    if (statistics != null && node instanceof ScanNode scan) {
      ScanStatistics scanned = statistics.of(scan);
      if (scanned != null) {
        lines.add(indent + (depth > 0 ? "   " : "") + "   actual: " + scanned.describe());
      }
    }
    for (PlanNode input : node.inputs()) {
      describe(input, depth + 1, lines, statistics);
    }
  }
}
