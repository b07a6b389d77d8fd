package io.exapg.planner.rel;

import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableModify;

/** INSERT into a stored table. */
public final class ExaTableModify extends TableModify implements ExaRel {
  public ExaTableModify(RelOptCluster cluster, RelTraitSet traits, RelOptTable table,
      Prepare.CatalogReader catalogReader, RelNode input) {
    super(cluster, traits, table, catalogReader, input, Operation.INSERT, null, null, false);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new ExaTableModify(getCluster(), traitSet, getTable(), getCatalogReader(),
        inputs.get(0));
  }
}
