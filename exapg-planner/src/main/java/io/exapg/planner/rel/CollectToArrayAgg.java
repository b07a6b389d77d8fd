package io.exapg.planner.rel;

import io.exapg.core.error.ExaException;
import java.util.List;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Collect;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * ARRAY(subquery) becomes, once subqueries are joins, a Collect of the subquery's rows; it is
 * the subquery's ARRAY_AGG, or '{}' over no rows. As an aggregate it decorrelates like any
 * scalar subquery. An ORDER BY of the subquery orders the elements.
 */
public final class CollectToArrayAgg {
  private CollectToArrayAgg() {
  }

  public static RelNode apply(RelNode rel, RexBuilder rexBuilder) {
    return rel.accept(new RelHomogeneousShuttle() {
      @Override
      public RelNode visit(RelNode other) {
        RelNode visited = super.visit(other);
        return visited instanceof Collect collect ? rewrite(collect, rexBuilder) : visited;
      }
    });
  }

  private static RelNode rewrite(Collect collect, RexBuilder rexBuilder) {
    RelNode input = collect.getInput();
    if (collect.getCollectionType() != SqlTypeName.ARRAY
        || input.getRowType().getFieldCount() != 1) {
      throw ExaException.notSupported("ARRAY(subquery) of more than one column");
    }
    SqlAggFunction function = SqlLibraryOperators.ARRAY_AGG;
    if (input instanceof Sort sort && !sort.getCollation().getFieldCollations().isEmpty()) {
      // the input's one column is what the subquery orders by
      function = sort.getCollation().getFieldCollations().get(0).direction.isDescending()
          ? OrderedArrayAgg.DESCENDING : OrderedArrayAgg.ASCENDING;
      if (sort.offset == null && sort.fetch == null) {
        input = sort.getInput();
      }
    }
    RelDataType arrayType = collect.getRowType().getFieldList().get(0).getType();
    AggregateCall arrayAgg = AggregateCall.create(function, false, false,
        false, List.of(), List.of(0), -1, null, RelCollations.EMPTY, 0, input, null, "array");
    RelNode aggregate = LogicalAggregate.create(input, List.of(), ImmutableBitSet.of(), null,
        List.of(arrayAgg));
    RexNode empty = rexBuilder.makeCall(arrayType, SqlStdOperatorTable.ARRAY_VALUE_CONSTRUCTOR,
        List.of());
    RexNode agg = new RexInputRef(0, arrayAgg.getType());
    if (!agg.getType().equals(arrayType)) {
      agg = rexBuilder.makeAbstractCast(rexBuilder.getTypeFactory()
          .createTypeWithNullability(arrayType, true), agg, false);
    }
    RexNode value = rexBuilder.makeCall(arrayType, SqlStdOperatorTable.COALESCE,
        List.of(agg, empty));
    return LogicalProject.create(aggregate, List.of(), List.of(value),
        collect.getRowType().getFieldNames(), java.util.Set.of());
  }
}
