package io.exapg.planner.rel;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Adds to a filter over inner joins, for each OR in its condition, what the OR implies about
 * a single joined input: if every branch constrains that input, the OR of those constraints
 * holds too. {@code (n1 = 'FRANCE' AND n2 = 'GERMANY') OR (n1 = 'GERMANY' AND n2 = 'FRANCE')}
 * implies {@code n1 IN ('FRANCE', 'GERMANY')} and the same of n2 (TPC-H Q7), and Q19's three
 * branches imply a filter on part and one on lineitem. The rules that push filters into joins
 * then take the implied conditions down to their inputs, where they cut rows before any join;
 * the original OR stays and is checked after the join.
 */
public final class ImpliedPredicates extends RelShuttleImpl {
  private final RexBuilder rexBuilder;

  private ImpliedPredicates(RexBuilder rexBuilder) {
    this.rexBuilder = rexBuilder;
  }

  public static RelNode apply(RelNode root, RexBuilder rexBuilder) {
    return root.accept(new ImpliedPredicates(rexBuilder));
  }

  @Override
  public RelNode visit(LogicalFilter filter) {
    LogicalFilter visited = (LogicalFilter) super.visit(filter);
    if (!(visited.getInput() instanceof LogicalJoin join)
        || join.getJoinType() != JoinRelType.INNER) {
      return visited;
    }
    List<ImmutableBitSet> inputs = new ArrayList<>();
    leaves(join, 0, inputs);
    List<RexNode> conjuncts = RelOptUtil.conjunctions(visited.getCondition());
    Set<RexNode> added = new LinkedHashSet<>();
    for (RexNode conjunct : conjuncts) {
      if (conjunct.getKind() != SqlKind.OR) {
        continue;
      }
      ImmutableBitSet used = RelOptUtil.InputFinder.bits(conjunct);
      for (ImmutableBitSet input : inputs) {
        if (input.contains(used)) {
          continue;
        }
        RexNode implied = impliedFor(conjunct, input);
        if (implied != null && !conjuncts.contains(implied)) {
          added.add(implied);
        }
      }
    }
    if (added.isEmpty()) {
      return visited;
    }
    List<RexNode> all = new ArrayList<>(conjuncts);
    all.addAll(added);
    return visited.copy(visited.getTraitSet(), visited.getInput(),
        RexUtil.composeConjunction(rexBuilder, all));
  }

  /** The fields of each input of nested inner joins, as positions in the joins' output. */
  private static void leaves(RelNode rel, int offset, List<ImmutableBitSet> inputs) {
    if (rel instanceof LogicalJoin join && join.getJoinType() == JoinRelType.INNER) {
      leaves(join.getLeft(), offset, inputs);
      leaves(join.getRight(), offset + join.getLeft().getRowType().getFieldCount(), inputs);
      return;
    }
    inputs.add(ImmutableBitSet.range(offset, offset + rel.getRowType().getFieldCount()));
  }

  /**
   * The OR, over the branches, of each branch's conditions on the input's fields alone; null
   * when some branch has none (then the OR says nothing about the input).
   */
  private RexNode impliedFor(RexNode or, ImmutableBitSet input) {
    List<RexNode> branches = new ArrayList<>();
    for (RexNode branch : RelOptUtil.disjunctions(or)) {
      List<RexNode> own = new ArrayList<>();
      for (RexNode condition : RelOptUtil.conjunctions(branch)) {
        ImmutableBitSet used = RelOptUtil.InputFinder.bits(condition);
        if (!used.isEmpty() && input.contains(used)) {
          own.add(condition);
        }
      }
      if (own.isEmpty()) {
        return null;
      }
      branches.add(RexUtil.composeConjunction(rexBuilder, own));
    }
    return RexUtil.composeDisjunction(rexBuilder, branches);
  }
}
