package io.exapg.planner.engine;

import io.exapg.core.exec.OperatorStatistics;
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
   * @param statistics what the plan did when it ran (EXPLAIN ANALYZE), or null: each operator
   *     then gets a line with the rows and batches it produced, its time (summed over
   *     threads, without the operators above it) and the memory it held, and each scan one
   *     more with its segments, row groups and reads per I/O tier
   */
  static void describe(PlanNode node, int depth, List<String> lines,
      QueryStatistics statistics) {
    String indent = "  ".repeat(depth);
    String detailIndent = indent + (depth > 0 ? "   " : "") + "   ";
    lines.add(indent + (depth > 0 ? "-> " : "") + node.describe());
    if (statistics != null) {
      OperatorStatistics operator = statistics.operatorOf(node);
      if (operator != null) {
        lines.add(detailIndent + "actual: " + operator.describe());
      }
      ScanStatistics scanned = node instanceof ScanNode scan ? statistics.of(scan) : null;
      if (scanned != null) {
        lines.add(detailIndent + "io: " + scanned.describe());
      }
    }
    for (PlanNode input : node.inputs()) {
      describe(input, depth + 1, lines, statistics);
    }
  }
}
