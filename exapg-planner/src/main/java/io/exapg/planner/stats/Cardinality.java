package io.exapg.planner.stats;

import io.exapg.core.stats.ColumnStatistics;
import io.exapg.planner.catalog.ExaTable;
import java.math.BigDecimal;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.metadata.RelColumnOrigin;
import org.apache.calcite.rel.metadata.RelMdUtil;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimestampString;

/**
 * Rows a plan is expected to produce, for the join order and the hash join's build side.
 * Where the tables have statistics (gathered on load and by ANALYZE), an equi-join produces
 * |L| * |R| / max(distinct keys of L, distinct keys of R), an equality with a constant keeps
 * 1 / distinct values of the rows, and a range the share of [min, max] it covers. Without
 * them, an equi-join is assumed to match each row of its larger side to about one row (a
 * foreign key meeting its primary key), and filters get Calcite's fixed guesses.
 */
public final class Cardinality {
  /** Estimates made so far in this estimate, so that each node of a deep join is done once. */
  private final Map<RelNode, Double> rowsByNode = new IdentityHashMap<>();

  private Cardinality() {
  }

  public static double rows(RelNode rel) {
    return new Cardinality().estimate(rel);
  }

  private double estimate(RelNode rel) {
    Double known = rowsByNode.get(rel);
    if (known != null) {
      return known;
    }
    double rows = estimateUncached(rel);
    rowsByNode.put(rel, rows);
    return rows;
  }

  private double estimateUncached(RelNode rel) {
    RelMetadataQuery metadata = rel.getCluster().getMetadataQuery();
    if (rel instanceof Join join) {
      return join(join);
    }
    if (rel instanceof Filter filter) {
      return estimate(filter.getInput()) * selectivity(filter.getInput(), filter.getCondition());
    }
    if (rel instanceof Project project) {
      return estimate(project.getInput());
    }
    if (rel instanceof Aggregate aggregate) {
      double input = estimate(aggregate.getInput());
      if (aggregate.getGroupSet().isEmpty()) {
        return 1;
      }
      double groups = 1;
      for (int key : aggregate.getGroupSet()) {
        Double distinct = distinct(aggregate.getInput(), key);
        if (distinct == null) {
          return Math.max(1, input / 10);
        }
        groups *= distinct;
      }
      return Math.max(1, Math.min(input, groups));
    }
    Double rows = metadata.getRowCount(rel);
    return rows == null ? 1 : rows;
  }

  private double join(Join join) {
    double left = estimate(join.getLeft());
    double right = estimate(join.getRight());
    JoinInfo info = join.analyzeCondition();
    if (info.leftKeys.isEmpty()) {
      return switch (join.getJoinType()) {
        case SEMI, ANTI -> left;
        default -> left * right;
      };
    }
    double matched = Math.max(left, right);
    double keyDistinct = 0;
    for (int k = 0; k < info.leftKeys.size(); k++) {
      Double l = distinct(join.getLeft(), info.leftKeys.get(k));
      Double r = distinct(join.getRight(), info.rightKeys.get(k));
      if (l != null && r != null) {
        keyDistinct = Math.max(keyDistinct, Math.max(l, r));
      }
    }
    if (keyDistinct > 0) {
      matched = left * right / keyDistinct;
    }
    return switch (join.getJoinType()) {
      case SEMI, ANTI -> left;
      case LEFT -> Math.max(left, matched);
      case RIGHT -> Math.max(right, matched);
      case FULL -> Math.max(left + right, matched);
      default -> matched;
    };
  }

  /**
   * The distinct values of a column of a plan's rows: those of the table column it comes
   * from, at most the rows; null when unknown.
   */
  private Double distinct(RelNode rel, int column) {
    ColumnStatistics statistics = statisticsOf(rel, column);
    if (statistics == null) {
      return null;
    }
    return Math.max(1.0, Math.min(statistics.distinctCount(), estimate(rel)));
  }

  private static ColumnStatistics statisticsOf(RelNode rel, int column) {
    RelColumnOrigin origin = rel.getCluster().getMetadataQuery().getColumnOrigin(rel, column);
    if (origin == null || origin.isDerived()) {
      return null;
    }
    ExaTable table = origin.getOriginTable().unwrap(ExaTable.class);
    return table == null ? null : table.columnStatistics(origin.getOriginColumnOrdinal());
  }

  /** The share of a plan's rows a condition keeps. */
  static double selectivity(RelNode input, RexNode condition) {
    double selectivity = 1;
    for (RexNode conjunct : RelOptUtil.conjunctions(condition)) {
      selectivity *= conjunctSelectivity(input, conjunct);
    }
    return selectivity;
  }

  private static double conjunctSelectivity(RelNode input, RexNode conjunct) {
    if (conjunct.getKind() == SqlKind.OR) {
      double sum = 0;
      for (RexNode disjunct : RelOptUtil.disjunctions(conjunct)) {
        sum += selectivity(input, disjunct);
      }
      return Math.min(1, sum);
    }
    if (conjunct instanceof RexCall call && call.getOperands().size() == 2) {
      RexNode a = RexUtil.removeCast(call.getOperands().get(0));
      RexNode b = RexUtil.removeCast(call.getOperands().get(1));
      SqlKind kind = call.getKind();
      if (b instanceof RexInputRef && a instanceof RexLiteral) {
        RexNode swap = a;
        a = b;
        b = swap;
        kind = kind.reverse();
      }
      if (a instanceof RexInputRef ref && b instanceof RexLiteral literal) {
        Double estimate = compare(input, ref.getIndex(), kind, number(literal));
        if (estimate != null) {
          return estimate;
        }
      }
    }
    if (conjunct.getKind() == SqlKind.SEARCH || conjunct.getKind() == SqlKind.IN) {
      return 0.25;
    }
    return RelMdUtil.guessSelectivity(conjunct);
  }

  /** The share of rows whose column compares with a constant as asked; null if unknown. */
  private static Double compare(RelNode input, int column, SqlKind kind, Double value) {
    ColumnStatistics statistics = statisticsOf(input, column);
    if (statistics == null) {
      return null;
    }
    double distinct = Math.max(1, statistics.distinctCount());
    switch (kind) {
      case EQUALS:
        return 1 / distinct;
      case NOT_EQUALS:
        return 1 - 1 / distinct;
      case LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL: {
        if (value == null || !statistics.hasRange() || statistics.max() <= statistics.min()) {
          return null;
        }
        double below = (value - statistics.min()) / (statistics.max() - statistics.min());
        below = Math.max(0, Math.min(1, below));
        double share = kind == SqlKind.LESS_THAN || kind == SqlKind.LESS_THAN_OR_EQUAL ? below
            : 1 - below;
        return Math.max(1 / distinct, share);
      }
      default:
        return null;
    }
  }

  /** A constant as compared with column statistics (dates as days, timestamps in µs). */
  private static Double number(RexLiteral literal) {
    return switch (literal.getTypeName()) {
      case DATE -> {
        DateString date = literal.getValueAs(DateString.class);
        yield date == null ? null : (double) date.getDaysSinceEpoch();
      }
      case TIMESTAMP -> {
        TimestampString timestamp = literal.getValueAs(TimestampString.class);
        yield timestamp == null ? null : timestamp.getMillisSinceEpoch() * 1000.0;
      }
      default -> literal.getValue() instanceof BigDecimal decimal ? decimal.doubleValue() : null;
    };
  }

  /** Whether every table the plan reads has statistics for the columns of these keys. */
  public static boolean hasStatistics(RelNode rel, List<Integer> columns) {
    for (int column : columns) {
      if (statisticsOf(rel, column) == null) {
        return false;
      }
    }
    return true;
  }
}
