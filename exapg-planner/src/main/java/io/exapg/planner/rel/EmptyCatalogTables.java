package io.exapg.planner.rel;

import io.exapg.planner.catalog.SystemTable;
import java.util.function.UnaryOperator;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.logical.LogicalValues;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.sql.SqlKind;

/**
 * Scans of catalog tables that never have rows (pg_policy, pg_sequence, ...) become empty
 * relations, and what is built on them folds away before subqueries are planned: psql and
 * SQLAlchemy ask for publications and sequences with subqueries that need not run when there
 * can be none. A scalar subquery over no rows is NULL, EXISTS over none is false.
 */
public final class EmptyCatalogTables {
  private EmptyCatalogTables() {
  }

  /**
   * @param prune removes what empty inputs make empty (Calcite's PruneEmptyRules)
   */
  public static RelNode apply(RelNode rel, UnaryOperator<RelNode> prune, RexBuilder rexBuilder) {
    RelNode pruned = prune.apply(emptyScans(rel));
    return pruned.accept(new RelHomogeneousShuttle() {
      @Override
      public RelNode visit(RelNode other) {
        return super.visit(other).accept(new RexShuttle() {
          @Override
          public RexNode visitSubQuery(RexSubQuery subQuery) {
            RelNode inner = EmptyCatalogTables.apply(subQuery.rel, prune, rexBuilder);
            if (inner instanceof Values values && values.getTuples().isEmpty()) {
              if (subQuery.getKind() == SqlKind.SCALAR_QUERY) {
                return rexBuilder.makeNullLiteral(subQuery.getType());
              }
              if (subQuery.getKind() == SqlKind.EXISTS) {
                return rexBuilder.makeLiteral(false);
              }
            }
            return inner == subQuery.rel ? super.visitSubQuery(subQuery)
                : subQuery.clone(inner);
          }
        });
      }
    });
  }

  private static RelNode emptyScans(RelNode rel) {
    return rel.accept(new RelHomogeneousShuttle() {
      @Override
      public RelNode visit(TableScan scan) {
        SystemTable table = scan.getTable().unwrap(SystemTable.class);
        if (table != null && table.alwaysEmpty()) {
          return LogicalValues.createEmpty(scan.getCluster(), scan.getRowType());
        }
        return super.visit(scan);
      }
    });
  }
}
