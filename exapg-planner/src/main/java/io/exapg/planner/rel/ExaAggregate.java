package io.exapg.planner.rel;

import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.util.ImmutableBitSet;
import org.checkerframework.checker.nullness.qual.Nullable;

/** Hash aggregation. */
public final class ExaAggregate extends Aggregate implements ExaRel {
  public ExaAggregate(RelOptCluster cluster, RelTraitSet traits, RelNode input,
      ImmutableBitSet groupSet, @Nullable List<ImmutableBitSet> groupSets,
      List<AggregateCall> aggregateCalls) {
    super(cluster, traits, List.of(), input, groupSet, groupSets, aggregateCalls);
  }

  @Override
  public Aggregate copy(RelTraitSet traitSet, RelNode input, ImmutableBitSet groupSet,
      @Nullable List<ImmutableBitSet> groupSets, List<AggregateCall> aggregateCalls) {
    return new ExaAggregate(getCluster(), traitSet, input, groupSet, groupSets, aggregateCalls);
  }
}
