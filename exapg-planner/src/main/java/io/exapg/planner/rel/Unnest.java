package io.exapg.planner.rel;

import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.type.RelDataType;

/**
 * The input's rows, each repeated once per element of its array column, with the element (and
 * its position, with ordinality) appended: what UNNEST of a column, lateral to the rows that
 * hold it, computes. Outer keeps rows with empty or NULL arrays, with a NULL element.
 */
public abstract class Unnest extends SingleRel {
  private final int arrayColumn;
  private final boolean ordinality;
  private final boolean outer;

  protected Unnest(RelOptCluster cluster, RelTraitSet traits, RelNode input, int arrayColumn,
      boolean ordinality, boolean outer, RelDataType rowType) {
    super(cluster, traits, input);
    this.arrayColumn = arrayColumn;
    this.ordinality = ordinality;
    this.outer = outer;
    this.rowType = rowType;
  }

  public int arrayColumn() {
    return arrayColumn;
  }

  public boolean ordinality() {
    return ordinality;
  }

  public boolean outer() {
    return outer;
  }

  protected abstract Unnest copy(RelTraitSet traits, RelNode input);

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return copy(traitSet, sole(inputs));
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).item("array", arrayColumn).item("ordinality", ordinality)
        .item("outer", outer);
  }

  /** Before conversion to ExaPG's convention. */
  public static final class Logical extends Unnest {
    public Logical(RelNode input, int arrayColumn, boolean ordinality, boolean outer,
        RelDataType rowType) {
      super(input.getCluster(), input.getCluster().traitSetOf(
          org.apache.calcite.plan.Convention.NONE), input, arrayColumn, ordinality, outer,
          rowType);
    }

    @Override
    protected Unnest copy(RelTraitSet traits, RelNode input) {
      return new Logical(input, arrayColumn(), ordinality(), outer(), getRowType());
    }
  }
}
