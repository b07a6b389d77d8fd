package io.exapg.planner.rel;

import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;

/**
 * A relational expression in ExaPG's physical convention: it can be turned into an
 * operator spec for the vectorized engine (see {@link io.exapg.planner.plan.PlanBuilder}).
 */
public interface ExaRel extends RelNode {
  Convention CONVENTION = new Convention.Impl("EXA", ExaRel.class);
}
