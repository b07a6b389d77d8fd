package io.exapg.planner.rel;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Uncollect;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalCorrelate;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.rex.RexWindowBounds;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * A scalar subquery that aggregates the elements of an array of the row to its left, such as
 * psql's {@code ARRAY(SELECT 'toast.' || x FROM unnest(tc.reloptions) x)} or
 * {@code (SELECT count(*) FROM unnest(t.a) x WHERE x > 0)}: Calcite's decorrelator cannot move
 * a correlation out of an UNNEST. It becomes an outer {@link Unnest} of the left rows, each
 * numbered (ROW_NUMBER), the subquery's projections over each element, and its aggregate
 * grouped by the row number, the left columns carried through with ANY_VALUE. The subquery's
 * filters do not drop rows, which would lose left rows whose elements all fail them; they
 * narrow a flag the aggregates filter on, which also leaves out the row an empty or NULL array
 * keeps (its ordinality is NULL): COUNT gives 0 and ARRAY_AGG NULL (which ARRAY(...) turns
 * into '{}'), as over no rows.
 */
public final class CorrelatedArrayAggregation {
  private CorrelatedArrayAggregation() {
  }

  public static RelNode apply(RelNode rel, RexBuilder rexBuilder) {
    return rel.accept(new RelHomogeneousShuttle() {
      @Override
      public RelNode visit(RelNode other) {
        RelNode visited = super.visit(other);
        if (visited instanceof LogicalCorrelate correlate) {
          RelNode rewritten = rewrite(correlate, rexBuilder);
          if (rewritten != null) {
            return rewritten;
          }
        }
        return visited;
      }
    });
  }

  /** The subquery's shape: an optional projection over a global aggregate over the chain. */
  private record Shape(Project top, Aggregate aggregate, List<RelNode> chain, Uncollect uncollect,
      RexNode array) {
  }

  private static Shape shape(LogicalCorrelate correlate) {
    if (correlate.getJoinType() != JoinRelType.LEFT
        && correlate.getJoinType() != JoinRelType.INNER) {
      return null;
    }
    RelNode right = correlate.getRight();
    Project top = null;
    if (right instanceof Project project && project.getInput() instanceof Aggregate) {
      top = project;
      right = project.getInput();
    }
    if (!(right instanceof Aggregate aggregate) || !aggregate.getGroupSet().isEmpty()
        || aggregate.getGroupType() != Aggregate.Group.SIMPLE
        || aggregate.getAggCallList().stream().anyMatch(call -> !call.collation
            .getFieldCollations().isEmpty() || !call.rexList.isEmpty())) {
      return null;
    }
    List<RelNode> chain = new ArrayList<>();
    RelNode node = aggregate.getInput();
    while (node instanceof Project || node instanceof Filter) {
      chain.addFirst(node);
      node = node.getInput(0);
    }
    if (!(node instanceof Uncollect uncollect) || uncollect.getInput().getRowType()
        .getFieldCount() != 1 || !(uncollect.getInput() instanceof Project arrayOf)
        || !(arrayOf.getInput() instanceof Values values) || values.getTuples().size() != 1
        || RexUtil.containsInputRef(arrayOf.getProjects().get(0))
        || !RelOptUtil.getVariablesUsed(correlate.getRight())
            .equals(Set.of(correlate.getCorrelationId()))) {
      return null;
    }
    return new Shape(top, aggregate, chain, uncollect, arrayOf.getProjects().get(0));
  }

  private static RelNode rewrite(LogicalCorrelate correlate, RexBuilder rexBuilder) {
    Shape shape = shape(correlate);
    if (shape == null) {
      return null;
    }
    RelDataTypeFactory types = rexBuilder.getTypeFactory();
    RelNode left = correlate.getLeft();
    int width = left.getRowType().getFieldCount();
    CorrelationId id = correlate.getCorrelationId();
    // Every level below the aggregate is: the left columns, the row number, the flag, then
    // the subquery's own columns.
    int carried = width + 2;
    List<RexNode> numbered = refs(rexBuilder, left, width);
    numbered.add(rexBuilder.makeOver(types.createSqlType(SqlTypeName.BIGINT),
        SqlStdOperatorTable.ROW_NUMBER, List.of(), List.of(), ImmutableList.of(),
        RexWindowBounds.UNBOUNDED_PRECEDING, RexWindowBounds.CURRENT_ROW, true, true, false,
        false));
    numbered.add(bind(shape.array(), id, 0, 0, left, rexBuilder));
    RelNode current = LogicalProject.create(left, List.of(), numbered, (List<String>) null,
        Set.of());
    RelDataTypeFactory.Builder unnested = types.builder();
    unnested.addAll(current.getRowType().getFieldList());
    RelDataType element = shape.uncollect().getRowType().getFieldList().get(0).getType();
    unnested.add("element", types.createTypeWithNullability(element, true));
    unnested.add("ordinality", types.createTypeWithNullability(
        types.createSqlType(SqlTypeName.INTEGER), true));
    current = new Unnest.Logical(current, width + 1, true, true, unnested.uniquify().build());
    // left columns, row number, flag (an element is there), the element (and its ordinality)
    RexNode ordinality = rexBuilder.makeInputRef(current, width + 3);
    List<RexNode> start = refs(rexBuilder, current, width + 1);
    start.add(rexBuilder.makeCall(SqlStdOperatorTable.IS_NOT_NULL, ordinality));
    start.add(rexBuilder.makeInputRef(current, width + 2));
    if (shape.uncollect().withOrdinality) {
      start.add(ordinality);
    }
    current = LogicalProject.create(current, List.of(), start, (List<String>) null, Set.of());
    for (RelNode level : shape.chain()) {
      List<RexNode> next = refs(rexBuilder, current, carried);
      if (level instanceof Filter filter) {
        RexNode condition = bind(filter.getCondition(), id, carried, 0, current, rexBuilder);
        next.set(width + 1, rexBuilder.makeCall(SqlStdOperatorTable.AND, next.get(width + 1),
            rexBuilder.makeCall(SqlStdOperatorTable.IS_TRUE, condition)));
        for (int i = carried; i < current.getRowType().getFieldCount(); i++) {
          next.add(rexBuilder.makeInputRef(current, i));
        }
      } else {
        for (RexNode expr : ((Project) level).getProjects()) {
          next.add(bind(expr, id, carried, 0, current, rexBuilder));
        }
      }
      current = LogicalProject.create(current, List.of(), next, (List<String>) null, Set.of());
    }
    // each aggregate's filter: the flag, and its own FILTER when it has one
    List<RexNode> filters = refs(rexBuilder, current, current.getRowType().getFieldCount());
    List<Integer> filterColumns = new ArrayList<>();
    for (AggregateCall call : shape.aggregate().getAggCallList()) {
      RexNode flag = rexBuilder.makeInputRef(current, width + 1);
      if (call.filterArg >= 0) {
        flag = rexBuilder.makeCall(SqlStdOperatorTable.AND, flag,
            rexBuilder.makeCall(SqlStdOperatorTable.IS_TRUE,
                rexBuilder.makeInputRef(current, carried + call.filterArg)));
      }
      filterColumns.add(filters.size());
      filters.add(flag);
    }
    current = LogicalProject.create(current, List.of(), filters, (List<String>) null, Set.of());
    List<AggregateCall> calls = new ArrayList<>();
    for (int i = 0; i < width; i++) {
      calls.add(AggregateCall.create(SqlStdOperatorTable.ANY_VALUE, false, false, false,
          List.of(), List.of(i), -1, null, org.apache.calcite.rel.RelCollations.EMPTY, 1,
          current, null, null));
    }
    List<AggregateCall> original = shape.aggregate().getAggCallList();
    for (int c = 0; c < original.size(); c++) {
      AggregateCall call = original.get(c);
      calls.add(AggregateCall.create(call.getAggregation(), call.isDistinct(),
          call.isApproximate(), call.ignoreNulls(), List.of(),
          call.getArgList().stream().map(arg -> arg + carried).toList(),
          filterColumns.get(c), null, call.collation, 1, current, null, call.name));
    }
    RelNode grouped = LogicalAggregate.create(current, List.of(), ImmutableBitSet.of(width),
        null, calls);
    // the aggregate's output: the row number, the left columns, the subquery's aggregates
    List<RexNode> results = new ArrayList<>();
    for (int i = 0; i < width; i++) {
      results.add(rexBuilder.makeInputRef(grouped, 1 + i));
    }
    if (shape.top() == null) {
      for (int c = 0; c < original.size(); c++) {
        results.add(rexBuilder.makeInputRef(grouped, 1 + width + c));
      }
    } else {
      for (RexNode expr : shape.top().getProjects()) {
        results.add(bind(expr, id, 1 + width, 1, grouped, rexBuilder));
      }
    }
    List<RexNode> typed = new ArrayList<>();
    List<RelDataTypeField> expected = correlate.getRowType().getFieldList();
    for (int i = 0; i < results.size(); i++) {
      typed.add(rexBuilder.makeCast(expected.get(i).getType(), results.get(i), false, false));
    }
    return LogicalProject.create(grouped, List.of(), typed,
        correlate.getRowType().getFieldNames(), Set.of());
  }

  private static List<RexNode> refs(RexBuilder rexBuilder, RelNode input, int count) {
    List<RexNode> refs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      refs.add(rexBuilder.makeInputRef(input, i));
    }
    return refs;
  }

  /**
   * An expression of the subquery over the rewritten rows (input): its own column i becomes
   * column offset + i, and the left row's field f (the correlation) column leftOffset + f.
   * The subquery's columns may now be NULL (the row an empty array keeps), so calls over them
   * become nullable too.
   */
  private static RexNode bind(RexNode expr, CorrelationId id, int offset, int leftOffset,
      RelNode input, RexBuilder rexBuilder) {
    return expr.accept(new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        return rexBuilder.makeInputRef(input, ref.getIndex() + offset);
      }

      @Override
      public RexNode visitFieldAccess(RexFieldAccess access) {
        if (access.getReferenceExpr() instanceof RexCorrelVariable variable
            && variable.id.equals(id)) {
          return rexBuilder.makeInputRef(input, leftOffset + access.getField().getIndex());
        }
        return super.visitFieldAccess(access);
      }

      @Override
      public RexNode visitCall(RexCall call) {
        RexNode visited = super.visitCall(call);
        if (visited instanceof RexCall rebuilt && !rebuilt.getType().isNullable()
            && rebuilt.getOperands().stream().anyMatch(o -> o.getType().isNullable())) {
          return rebuilt.clone(rexBuilder.getTypeFactory().createTypeWithNullability(
              rebuilt.getType(), true), rebuilt.getOperands());
        }
        return visited;
      }
    });
  }
}
