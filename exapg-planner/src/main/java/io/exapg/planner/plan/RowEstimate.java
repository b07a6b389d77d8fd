package io.exapg.planner.plan;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.metadata.RelMetadataQuery;

/**
 * Rows a plan is expected to produce, for choosing a hash join's build side. Calcite's own
 * estimate multiplies an equi-join's inputs by a fixed selectivity, which without key
 * statistics makes every join look larger than its inputs; here an equi-join is assumed to
 * match each row of its larger side to about one row (a foreign key meeting its primary key),
 * the usual shape of analytic joins.
 */
final class RowEstimate {
  private RowEstimate() {
  }

  static double of(RelNode rel) {
    RelMetadataQuery metadata = rel.getCluster().getMetadataQuery();
    if (rel instanceof Join join) {
      double left = of(join.getLeft());
      double right = of(join.getRight());
      JoinInfo info = join.analyzeCondition();
      return switch (join.getJoinType()) {
        case SEMI, ANTI -> left;
        case LEFT -> info.leftKeys.isEmpty() ? left * right : left;
        case RIGHT -> info.leftKeys.isEmpty() ? left * right : right;
        default -> info.leftKeys.isEmpty() ? left * right : Math.max(left, right);
      };
    }
    if (rel instanceof Filter filter) {
      Double selectivity = metadata.getSelectivity(filter.getInput(), filter.getCondition());
      return of(filter.getInput()) * (selectivity == null ? 0.5 : selectivity);
    }
    if (rel instanceof Project project) {
      return of(project.getInput());
    }
    Double rows = metadata.getRowCount(rel);
    return rows == null ? 1 : rows;
  }
}
