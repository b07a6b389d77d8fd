package io.exapg.planner.engine;

import io.exapg.core.plan.PlanNode;
import java.util.List;

/** Prints a plan as an indented tree, one operator per line. */
final class ExplainFormatter {
  private ExplainFormatter() {
  }

  static void describe(PlanNode node, int depth, List<String> lines) {
    lines.add("  ".repeat(depth) + (depth > 0 ? "-> " : "") + node.describe());
    for (PlanNode input : node.inputs()) {
      describe(input, depth + 1, lines);
    }
  }
}
