package io.exapg.planner.rel;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * Reorders a tree of three or more inner joins only to avoid cross products: the inputs are
 * joined in the order the FROM clause lists them, except that an input with no equality to
 * those joined so far waits until one that has such an equality has been joined (TPC-H Q9
 * lists part and supplier first, which are only related through lineitem). Without key and
 * distinct-count statistics a cost-based order does worse than the query's author (a join on
 * a non-key column such as a nation key multiplies rows), so nothing more is attempted; the
 * hash join's build side is chosen later by estimated size. A projection on top restores the
 * original column order.
 */
public final class JoinOrdering extends RelShuttleImpl {
  private final RexBuilder rexBuilder;

  private JoinOrdering(RexBuilder rexBuilder) {
    this.rexBuilder = rexBuilder;
  }

  public static RelNode apply(RelNode root, RexBuilder rexBuilder) {
    return root.accept(new JoinOrdering(rexBuilder));
  }

  /** A conjunct of the join conditions, over the concatenated fields of all inputs. */
  private record Conjunct(RexNode condition, BitSet inputs) {
  }

  @Override
  public RelNode visit(LogicalJoin join) {
    if (join.getJoinType() != JoinRelType.INNER) {
      return super.visit(join);
    }
    List<RelNode> inputs = new ArrayList<>();
    List<RexNode> conditions = new ArrayList<>();
    flatten(join, 0, inputs, conditions);
    if (inputs.size() < 3) {
      return super.visit(join);
    }
    inputs.replaceAll(input -> input.accept(this));
    int[] starts = new int[inputs.size() + 1];
    for (int i = 0; i < inputs.size(); i++) {
      starts[i + 1] = starts[i] + inputs.get(i).getRowType().getFieldCount();
    }
    List<Conjunct> conjuncts = new ArrayList<>();
    for (RexNode condition : conditions) {
      for (RexNode conjunct : RelOptUtil.conjunctions(condition)) {
        BitSet used = new BitSet();
        for (int field : RelOptUtil.InputFinder.bits(conjunct)) {
          used.set(inputOf(field, starts));
        }
        conjuncts.add(new Conjunct(conjunct, used));
      }
    }
    return reorder(join, inputs, starts, conjuncts);
  }

  /** Inputs of nested inner joins, left to right; conditions shifted to global positions. */
  private void flatten(RelNode rel, int offset, List<RelNode> inputs, List<RexNode> conditions) {
    if (rel instanceof LogicalJoin join && join.getJoinType() == JoinRelType.INNER) {
      int leftWidth = join.getLeft().getRowType().getFieldCount();
      flatten(join.getLeft(), offset, inputs, conditions);
      flatten(join.getRight(), offset + leftWidth, inputs, conditions);
      conditions.add(RexUtil.shift(join.getCondition(), offset));
      return;
    }
    inputs.add(rel);
  }

  private static int inputOf(int field, int[] starts) {
    int input = 0;
    while (starts[input + 1] <= field) {
      input++;
    }
    return input;
  }

  private RelNode reorder(LogicalJoin original, List<RelNode> inputs, int[] starts,
      List<Conjunct> conjuncts) {
    int n = inputs.size();
    int[] position = new int[starts[n]];
    BitSet joined = new BitSet();
    boolean[] applied = new boolean[conjuncts.size()];
    RelNode tree = inputs.get(0);
    place(0, 0, starts, position);
    joined.set(0);
    int width = tree.getRowType().getFieldCount();
    while (joined.cardinality() < n) {
      int next = -1;
      for (int i = 0; i < n && next < 0; i++) {
        if (!joined.get(i) && connects(i, joined, conjuncts)) {
          next = i;
        }
      }
      for (int i = 0; i < n && next < 0; i++) {
        if (!joined.get(i)) {
          next = i;
        }
      }
      RelNode input = inputs.get(next);
      place(next, width, starts, position);
      joined.set(next);
      List<RexNode> on = new ArrayList<>();
      for (int c = 0; c < conjuncts.size(); c++) {
        Conjunct conjunct = conjuncts.get(c);
        if (!applied[c] && conjunct.inputs().get(next) && isSubset(conjunct.inputs(), joined)) {
          on.add(remap(conjunct.condition(), position));
          applied[c] = true;
        }
      }
      tree = LogicalJoin.create(tree, input, List.of(),
          RexUtil.composeConjunction(rexBuilder, on), Set.of(), JoinRelType.INNER);
      width += input.getRowType().getFieldCount();
    }
    List<RexNode> leftovers = new ArrayList<>();
    for (int c = 0; c < conjuncts.size(); c++) {
      if (!applied[c]) {
        leftovers.add(remap(conjuncts.get(c).condition(), position));
      }
    }
    if (!leftovers.isEmpty()) {
      tree = LogicalFilter.create(tree,
          RexUtil.composeConjunction(rexBuilder, leftovers));
    }
    List<RexNode> restore = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<RelDataTypeField> fields = original.getRowType().getFieldList();
    for (int field = 0; field < fields.size(); field++) {
      restore.add(new RexInputRef(position[field], fields.get(field).getType()));
      names.add(fields.get(field).getName());
    }
    return LogicalProject.create(tree, List.of(), restore, names, Set.of());
  }

  private static void place(int input, int at, int[] starts, int[] position) {
    for (int field = starts[input]; field < starts[input + 1]; field++) {
      position[field] = at + field - starts[input];
    }
  }

  /** Whether an equality joins the input to one already joined. */
  private static boolean connects(int input, BitSet joined, List<Conjunct> conjuncts) {
    for (Conjunct conjunct : conjuncts) {
      BitSet others = (BitSet) conjunct.inputs().clone();
      others.clear(input);
      if (conjunct.inputs().get(input) && !others.isEmpty() && isSubset(others, joined)
          && conjunct.condition().isA(SqlKind.EQUALS)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isSubset(BitSet set, BitSet of) {
    BitSet rest = (BitSet) set.clone();
    rest.andNot(of);
    return rest.isEmpty();
  }

  private static RexNode remap(RexNode condition, int[] position) {
    return condition.accept(new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        return new RexInputRef(position[ref.getIndex()], ref.getType());
      }
    });
  }
}
