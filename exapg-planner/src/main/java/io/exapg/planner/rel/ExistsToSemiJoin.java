package io.exapg.planner.rel;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalCorrelate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Turns correlated EXISTS and NOT EXISTS into semi and anti joins whose condition holds the
 * correlation, before Calcite's general decorrelation, which would otherwise compute the
 * outer query once more for every subquery to find the correlation values (TPC-H Q21).
 *
 * <p>Subquery removal leaves {@code EXISTS (SELECT ... FROM r WHERE c)} as a correlate with
 * {@code Aggregate(group {0}) <- Project(TRUE) <- Filter(c) <- r} on its right: an INNER
 * correlate is an EXISTS, and a LEFT one under a filter that requires its flag to be NULL is a
 * NOT EXISTS. When r itself is not correlated, c becomes the condition of a SEMI or ANTI join
 * of the outer rows with r, and the flag a constant (TRUE, or NULL), so nothing above changes.
 */
public final class ExistsToSemiJoin extends RelShuttleImpl {
  private final RexBuilder rexBuilder;

  private ExistsToSemiJoin(RexBuilder rexBuilder) {
    this.rexBuilder = rexBuilder;
  }

  public static RelNode apply(RelNode root, RexBuilder rexBuilder) {
    return root.accept(new ExistsToSemiJoin(rexBuilder));
  }

  @Override
  public RelNode visit(LogicalCorrelate correlate) {
    RelNode visited = super.visit(correlate);
    if (visited instanceof LogicalCorrelate c && c.getJoinType() == JoinRelType.INNER) {
      RelNode join = semiJoin(c, JoinRelType.SEMI);
      if (join != null) {
        return withFlag(join, c, rexBuilder.makeLiteral(true));
      }
    }
    return visited;
  }

  @Override
  public RelNode visit(LogicalFilter filter) {
    RelNode visited = super.visit(filter);
    if (!(visited instanceof LogicalFilter f)
        || !(f.getInput() instanceof LogicalCorrelate c)
        || c.getJoinType() != JoinRelType.LEFT) {
      return visited;
    }
    int flag = c.getLeft().getRowType().getFieldCount();
    List<RexNode> rest = new ArrayList<>();
    boolean requiresNull = false;
    for (RexNode conjunct : RelOptUtil.conjunctions(f.getCondition())) {
      if (conjunct.getKind() == SqlKind.IS_NULL
          && ((RexCall) conjunct).getOperands().get(0) instanceof RexInputRef ref
          && ref.getIndex() == flag) {
        requiresNull = true;
      } else if (RelOptUtil.InputFinder.bits(conjunct).get(flag)) {
        return visited;
      } else {
        rest.add(conjunct);
      }
    }
    RelNode join = requiresNull ? semiJoin(c, JoinRelType.ANTI) : null;
    if (join == null) {
      return visited;
    }
    RelNode flagged = withFlag(join, c, rexBuilder.makeNullLiteral(
        c.getRowType().getFieldList().get(flag).getType()));
    return rest.isEmpty() ? flagged
        : LogicalFilter.create(flagged, RexUtil.composeConjunction(rexBuilder, rest));
  }

  /** The join of the correlate's left with the subquery's rows, or null if not that shape. */
  private RelNode semiJoin(LogicalCorrelate correlate, JoinRelType type) {
    if (!(correlate.getRight() instanceof LogicalAggregate aggregate)
        || !aggregate.getAggCallList().isEmpty()
        || !aggregate.getGroupSet().equals(ImmutableBitSet.of(0))
        || !(aggregate.getInput() instanceof LogicalProject project)
        || project.getProjects().size() != 1
        || !(project.getProjects().get(0) instanceof RexLiteral literal)
        || !Boolean.TRUE.equals(literal.getValueAs(Boolean.class))
        || !(project.getInput() instanceof LogicalFilter inner)
        || !RelOptUtil.getVariablesUsed(inner.getInput()).isEmpty()) {
      return null;
    }
    CorrelationId id = correlate.getCorrelationId();
    RelNode left = correlate.getLeft();
    int shift = left.getRowType().getFieldCount();
    List<RelDataTypeField> leftFields = left.getRowType().getFieldList();
    // Conditions on the subquery's rows alone filter them before the join.
    List<RexNode> local = new ArrayList<>();
    List<RexNode> correlated = new ArrayList<>();
    for (RexNode conjunct : RelOptUtil.conjunctions(inner.getCondition())) {
      (RexUtil.containsCorrelation(conjunct) ? correlated : local).add(conjunct);
    }
    RelNode right = local.isEmpty() ? inner.getInput()
        : LogicalFilter.create(inner.getInput(), RexUtil.composeConjunction(rexBuilder, local));
    boolean[] other = new boolean[1];
    RexShuttle toJoinRow = new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        return new RexInputRef(ref.getIndex() + shift, ref.getType());
      }

      @Override
      public RexNode visitFieldAccess(RexFieldAccess access) {
        if (access.getReferenceExpr() instanceof RexCorrelVariable variable) {
          if (!variable.id.equals(id)) {
            other[0] = true;
            return access;
          }
          int index = access.getField().getIndex();
          return new RexInputRef(index, leftFields.get(index).getType());
        }
        return super.visitFieldAccess(access);
      }
    };
    RexNode condition = RexUtil.composeConjunction(rexBuilder, correlated).accept(toJoinRow);
    if (other[0]) {
      return null;
    }
    return LogicalJoin.create(left, right, List.of(), condition, Set.of(), type);
  }

  /** The join's rows (the correlate's left columns) with the subquery's flag as a constant. */
  private RelNode withFlag(RelNode join, LogicalCorrelate correlate, RexNode flag) {
    List<RexNode> columns = new ArrayList<>();
    int leftCount = correlate.getLeft().getRowType().getFieldCount();
    for (int c = 0; c < leftCount; c++) {
      columns.add(RexInputRef.of(c, join.getRowType()));
    }
    RelDataTypeField flagField = correlate.getRowType().getFieldList().get(leftCount);
    columns.add(rexBuilder.makeCast(flagField.getType(), flag, true, false));
    return LogicalProject.create(join, List.of(), columns, correlate.getRowType().getFieldNames(),
        Set.of());
  }
}
