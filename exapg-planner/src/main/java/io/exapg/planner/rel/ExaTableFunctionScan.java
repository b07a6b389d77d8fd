package io.exapg.planner.rel;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rel.metadata.RelColumnMapping;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.checkerframework.checker.nullness.qual.Nullable;

/** A set-returning function in FROM, such as generate_series. */
public final class ExaTableFunctionScan extends TableFunctionScan implements ExaRel {
  public ExaTableFunctionScan(RelOptCluster cluster, RelTraitSet traits, List<RelNode> inputs,
      RexNode call, @Nullable Type elementType, RelDataType rowType,
      @Nullable Set<RelColumnMapping> columnMappings) {
    super(cluster, traits, inputs, call, elementType, rowType, columnMappings);
  }

  @Override
  public TableFunctionScan copy(RelTraitSet traitSet, List<RelNode> inputs, RexNode call,
      @Nullable Type elementType, RelDataType rowType,
      @Nullable Set<RelColumnMapping> columnMappings) {
    return new ExaTableFunctionScan(getCluster(), traitSet, inputs, call, elementType, rowType,
        columnMappings);
  }
}
