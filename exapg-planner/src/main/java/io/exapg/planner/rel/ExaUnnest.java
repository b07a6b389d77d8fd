package io.exapg.planner.rel;

import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;

/** {@link Unnest} in ExaPG's convention. */
public final class ExaUnnest extends Unnest implements ExaRel {
  public ExaUnnest(RelTraitSet traits, RelNode input, Unnest logical) {
    super(input.getCluster(), traits, input, logical.arrayColumn(), logical.ordinality(),
        logical.outer(), logical.getRowType());
  }

  @Override
  protected Unnest copy(RelTraitSet traits, RelNode input) {
    return new ExaUnnest(traits, input, this);
  }
}
