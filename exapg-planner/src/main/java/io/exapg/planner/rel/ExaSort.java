package io.exapg.planner.rel;

import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rex.RexNode;
import org.checkerframework.checker.nullness.qual.Nullable;

/** ORDER BY with optional OFFSET and LIMIT; without collation, just OFFSET/LIMIT. */
public final class ExaSort extends Sort implements ExaRel {
  public ExaSort(RelOptCluster cluster, RelTraitSet traits, RelNode input, RelCollation collation,
      @Nullable RexNode offset, @Nullable RexNode fetch) {
    super(cluster, traits, java.util.List.of(), input, collation, offset, fetch);
  }

  @Override
  public Sort copy(RelTraitSet traitSet, RelNode input, RelCollation collation,
      @Nullable RexNode offset, @Nullable RexNode fetch) {
    return new ExaSort(getCluster(), traitSet, input, collation, offset, fetch);
  }
}
