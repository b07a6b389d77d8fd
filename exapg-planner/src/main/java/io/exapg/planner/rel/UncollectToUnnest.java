package io.exapg.planner.rel;

import io.exapg.core.error.ExaException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Uncollect;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.logical.LogicalCorrelate;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;

/**
 * UNNEST in FROM: Calcite's Uncollect of a one-row projection of the array, joined laterally
 * (a Correlate) when the array comes from a table to its left. Both become an {@link Unnest}
 * over the rows that hold the array, so no correlation is left to plan.
 */
public final class UncollectToUnnest {
  private UncollectToUnnest() {
  }

  public static RelNode apply(RelNode rel, RexBuilder rexBuilder) {
    return rel.accept(new RelHomogeneousShuttle() {
      @Override
      public RelNode visit(RelNode other) {
        RelNode visited = super.visit(other);
        if (visited instanceof LogicalCorrelate correlate
            && (correlate.getJoinType() == JoinRelType.INNER
                || correlate.getJoinType() == JoinRelType.LEFT)) {
          if (correlate.getRight() instanceof Uncollect uncollect) {
            return lateral(correlate, uncollect, correlate.getRowType(), rexBuilder);
          }
          if (correlate.getRight() instanceof Project project
              && project.getInput() instanceof Uncollect uncollect
              && project.getProjects().stream().allMatch(e -> e instanceof RexInputRef)) {
            return renamed(correlate, project, uncollect, rexBuilder);
          }
        }
        if (visited instanceof Uncollect uncollect
            && RelOptUtil.getVariablesUsed(uncollect).isEmpty()) {
          return standalone(uncollect, rexBuilder);
        }
        return visited;
      }
    });
  }

  /** The one array expression an Uncollect reads: its input is a Project over one row. */
  private static RexNode arrayOf(Uncollect uncollect) {
    if (uncollect.getInput() instanceof Project project
        && project.getInput() instanceof Values values && values.getTuples().size() == 1
        && project.getProjects().size() == 1) {
      return project.getProjects().get(0);
    }
    if (uncollect.getInput().getRowType().getFieldCount() != 1) {
      throw ExaException.notSupported("UNNEST of more than one array");
    }
    return null;
  }

  private static RelNode standalone(Uncollect uncollect, RexBuilder rexBuilder) {
    RelNode input = uncollect.getInput();
    if (input.getRowType().getFieldCount() != 1) {
      throw ExaException.notSupported("UNNEST of more than one array");
    }
    return dropColumn(unnest(input, 0, uncollect, false, rexBuilder), 0, uncollect.getRowType(),
        rexBuilder);
  }

  /** A lateral UNNEST whose columns were renamed or reordered (u(x, n)). */
  private static RelNode renamed(LogicalCorrelate correlate, Project project,
      Uncollect uncollect, RexBuilder rexBuilder) {
    RelNode left = correlate.getLeft();
    RelDataTypeFactory.Builder joined = rexBuilder.getTypeFactory().builder();
    joined.addAll(left.getRowType().getFieldList());
    joined.addAll(uncollect.getRowType().getFieldList());
    RelNode unnested = lateral(correlate, uncollect, joined.uniquify().build(), rexBuilder);
    int leftCount = left.getRowType().getFieldCount();
    List<RexNode> projects = new ArrayList<>();
    for (int i = 0; i < leftCount; i++) {
      projects.add(rexBuilder.makeInputRef(unnested, i));
    }
    for (RexNode expr : project.getProjects()) {
      projects.add(rexBuilder.makeInputRef(unnested, leftCount + ((RexInputRef) expr).getIndex()));
    }
    return LogicalProject.create(unnested, List.of(), projects,
        correlate.getRowType().getFieldNames(), java.util.Set.of());
  }

  private static RelNode lateral(LogicalCorrelate correlate, Uncollect uncollect,
      RelDataType rowType, RexBuilder rexBuilder) {
    RexNode array = arrayOf(uncollect);
    if (array == null) {
      throw ExaException.notSupported("this lateral UNNEST");
    }
    RelNode left = correlate.getLeft();
    CorrelationId id = correlate.getCorrelationId();
    RexNode bound = array.accept(new RexShuttle() {
      @Override
      public RexNode visitFieldAccess(RexFieldAccess access) {
        if (access.getReferenceExpr() instanceof RexCorrelVariable variable
            && variable.id.equals(id)) {
          int field = access.getField().getIndex();
          return new RexInputRef(field, left.getRowType().getFieldList().get(field).getType());
        }
        return super.visitFieldAccess(access);
      }
    });
    int leftCount = left.getRowType().getFieldCount();
    List<RexNode> projects = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < leftCount; i++) {
      projects.add(rexBuilder.makeInputRef(left, i));
      names.add(left.getRowType().getFieldNames().get(i));
    }
    projects.add(bound);
    names.add("array");
    RelNode withArray = LogicalProject.create(left, List.of(), projects, names,
        java.util.Set.of());
    RelNode unnest = unnest(withArray, leftCount, uncollect,
        correlate.getJoinType() == JoinRelType.LEFT, rexBuilder);
    return dropColumn(unnest, leftCount, rowType, rexBuilder);
  }

  private static RelNode unnest(RelNode input, int arrayColumn, Uncollect uncollect,
      boolean outer, RexBuilder rexBuilder) {
    RelDataTypeFactory.Builder type = rexBuilder.getTypeFactory().builder();
    type.addAll(input.getRowType().getFieldList());
    for (var field : uncollect.getRowType().getFieldList()) {
      RelDataType fieldType = outer ? rexBuilder.getTypeFactory()
          .createTypeWithNullability(field.getType(), true) : field.getType();
      type.add(field.getName() + "$" + field.getIndex(), fieldType);
    }
    return new Unnest.Logical(input, arrayColumn, uncollect.withOrdinality, outer,
        type.uniquify().build());
  }

  /** Projects every column but the array, with the names and types the query expects. */
  private static RelNode dropColumn(RelNode unnest, int column, RelDataType expected,
      RexBuilder rexBuilder) {
    List<RexNode> projects = new ArrayList<>();
    for (int i = 0; i < unnest.getRowType().getFieldCount(); i++) {
      if (i != column) {
        projects.add(rexBuilder.makeInputRef(unnest, i));
      }
    }
    List<RexNode> typed = new ArrayList<>();
    for (int i = 0; i < projects.size(); i++) {
      typed.add(rexBuilder.makeCast(expected.getFieldList().get(i).getType(), projects.get(i),
          true, false));
    }
    return LogicalProject.create(unnest, List.of(), typed, expected.getFieldNames(),
        java.util.Set.of());
  }
}
