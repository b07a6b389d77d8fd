package io.exapg.planner.rel;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rel.logical.LogicalTableFunctionScan;
import org.apache.calcite.rel.logical.LogicalTableModify;
import org.apache.calcite.rel.logical.LogicalTableScan;
import org.apache.calcite.rel.logical.LogicalUnion;
import org.apache.calcite.rel.logical.LogicalValues;
import org.apache.calcite.rel.logical.LogicalWindow;

/** One converter rule per logical operator, from Calcite's logical rels into {@link ExaRel}s. */
public final class ExaRules {
  private ExaRules() {
  }

  public static List<RelOptRule> converters() {
    return List.of(
        rule(LogicalTableScan.class, "ExaTableScanRule", rel -> new ExaTableScan(
            rel.getCluster(), exa(rel), rel.getTable())),
        rule(LogicalFilter.class, "ExaFilterRule", rel -> new ExaFilter(rel.getCluster(),
            exa(rel), input(rel.getInput()), rel.getCondition())),
        rule(LogicalProject.class, "ExaProjectRule", rel -> new ExaProject(rel.getCluster(),
            exa(rel), input(rel.getInput()), rel.getProjects(), rel.getRowType())),
        rule(LogicalAggregate.class, "ExaAggregateRule", rel -> new ExaAggregate(
            rel.getCluster(), exa(rel), input(rel.getInput()), rel.getGroupSet(),
            rel.getGroupSets(), rel.getAggCallList())),
        rule(LogicalJoin.class, "ExaJoinRule", rel -> new ExaJoin(rel.getCluster(), exa(rel),
            input(rel.getLeft()), input(rel.getRight()), rel.getCondition(),
            rel.getJoinType())),
        rule(LogicalSort.class, "ExaSortRule", rel -> new ExaSort(rel.getCluster(), exa(rel),
            input(rel.getInput()), rel.getCollation(), rel.offset, rel.fetch)),
        rule(LogicalWindow.class, "ExaWindowRule", rel -> new ExaWindow(rel.getCluster(),
            exa(rel), input(rel.getInput()), rel.getConstants(), rel.getRowType(), rel.groups)),
        rule(LogicalValues.class, "ExaValuesRule", rel -> new ExaValues(rel.getCluster(),
            rel.getRowType(), rel.getTuples(), exa(rel))),
        rule(LogicalUnion.class, "ExaUnionRule", rel -> rel.all
            ? new ExaUnion(rel.getCluster(), exa(rel), inputs(rel.getInputs())) : null),
        rule(LogicalTableFunctionScan.class, "ExaTableFunctionScanRule",
            rel -> new ExaTableFunctionScan(rel.getCluster(), exa(rel),
                inputs(rel.getInputs()), rel.getCall(), rel.getElementType(), rel.getRowType(),
                rel.getColumnMappings())),
        rule(Unnest.Logical.class, "ExaUnnestRule",
            rel -> new ExaUnnest(exa(rel), input(rel.getInput()), rel)),
        rule(LogicalTableModify.class, "ExaTableModifyRule",
            rel -> rel.getOperation() == TableModify.Operation.INSERT
                ? new ExaTableModify(rel.getCluster(), exa(rel), rel.getTable(),
                    rel.getCatalogReader(), input(rel.getInput()))
                : null));
  }

  private static RelTraitSet exa(RelNode rel) {
    return rel.getTraitSet().replace(ExaRel.CONVENTION);
  }

  private static RelNode input(RelNode input) {
    return RelOptRule.convert(input, input.getTraitSet().replace(ExaRel.CONVENTION));
  }

  private static List<RelNode> inputs(List<RelNode> inputs) {
    List<RelNode> converted = new ArrayList<>();
    for (RelNode input : inputs) {
      converted.add(input(input));
    }
    return converted;
  }

  /** Converts one logical rel class with a function. */
  private interface Conversion<T extends RelNode> {
    RelNode apply(T rel);
  }

  private static <T extends RelNode> RelOptRule rule(Class<T> type, String description,
      Conversion<T> conversion) {
    ConverterRule.Config config = ConverterRule.Config.INSTANCE
        .withConversion(type, Convention.NONE, ExaRel.CONVENTION, description)
        .withRuleFactory(c -> new ConverterRule(c) {
          @Override
          public RelNode convert(RelNode rel) {
            return conversion.apply(type.cast(rel));
          }
        });
    return config.toRule();
  }
}
