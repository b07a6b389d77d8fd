package io.exapg.planner.rel;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import io.exapg.planner.stats.Cardinality;
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
 * Orders a tree of three or more inner joins. When the tables have statistics, greedily: the
 * input with the fewest estimated rows first, then always the connected input whose join
 * gives the fewest estimated rows (see {@link Cardinality}), so that selective dimensions
 * shrink the rows early (TPC-H Q21 joins nation to supplier before lineitem). Without
 * statistics, in the order the FROM clause lists them, since a guessed order does worse than
 * the query's author (a join on a non-key column such as a nation key multiplies rows). Either
 * way, an input with no equality to those joined so far waits until one that has such an
 * equality has been joined (no cross products; TPC-H Q9 lists part and supplier first, which
 * are only related through lineitem). The hash join's build side is chosen later by estimated
 * size. A projection on top restores the original column order.
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
    boolean estimated = hasStatistics(inputs, starts, conjuncts);
    Step step = null;
    if (!estimated) {
      step = order(0, inputs, starts, conjuncts, false);
    } else {
      for (int start = 0; start < inputs.size(); start++) {
        Step candidate = order(start, inputs, starts, conjuncts, true);
        if (step == null || candidate.cost() < step.cost()) {
          step = candidate;
        }
      }
    }
    RelNode tree = step.tree();
    List<RexNode> leftovers = new ArrayList<>();
    for (int c = 0; c < conjuncts.size(); c++) {
      if (!step.applied()[c]) {
        leftovers.add(remap(conjuncts.get(c).condition(), step.position()));
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
      restore.add(new RexInputRef(step.position()[field], fields.get(field).getType()));
      names.add(fields.get(field).getName());
    }
    return LogicalProject.create(tree, List.of(), restore, names, Set.of());
  }

  /**
   * A join tree built so far: where each original field is in it, which inputs it joined,
   * which conjuncts it applied, and its cost: the estimated rows of all its joins.
   */
  private record Step(RelNode tree, int[] position, BitSet joined, boolean[] applied,
      double cost) {
  }

  /**
   * Joins all inputs starting from one: next always a connected input, with statistics the
   * one whose join is estimated smallest, else the first in FROM order.
   */
  private Step order(int start, List<RelNode> inputs, int[] starts, List<Conjunct> conjuncts,
      boolean estimated) {
    int n = inputs.size();
    Step step = new Step(inputs.get(start), new int[starts[n]], new BitSet(),
        new boolean[conjuncts.size()], 0);
    place(start, 0, starts, step.position());
    step.joined().set(start);
    while (step.joined().cardinality() < n) {
      List<Integer> candidates = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (!step.joined().get(i) && connects(i, step.joined(), conjuncts)) {
          candidates.add(i);
        }
      }
      if (candidates.isEmpty()) {
        for (int i = 0; i < n; i++) {
          if (!step.joined().get(i)) {
            candidates.add(i);
            break;
          }
        }
      }
      Step best = null;
      for (int candidate : candidates) {
        Step next = join(step, candidate, inputs, starts, conjuncts, estimated);
        if (!estimated) {
          best = next;
          break;
        }
        if (best == null || next.cost() < best.cost()) {
          best = next;
        }
      }
      step = best;
    }
    return step;
  }

  /** The tree of a step joined with one more input, as a new step. */
  private Step join(Step step, int next, List<RelNode> inputs, int[] starts,
      List<Conjunct> conjuncts, boolean estimated) {
    int[] position = step.position().clone();
    BitSet joined = (BitSet) step.joined().clone();
    boolean[] applied = step.applied().clone();
    RelNode input = inputs.get(next);
    place(next, step.tree().getRowType().getFieldCount(), starts, position);
    joined.set(next);
    List<RexNode> on = new ArrayList<>();
    for (int c = 0; c < conjuncts.size(); c++) {
      Conjunct conjunct = conjuncts.get(c);
      if (!applied[c] && conjunct.inputs().get(next) && isSubset(conjunct.inputs(), joined)) {
        on.add(remap(conjunct.condition(), position));
        applied[c] = true;
      }
    }
    RelNode tree = LogicalJoin.create(step.tree(), input, List.of(),
        RexUtil.composeConjunction(rexBuilder, on), Set.of(), JoinRelType.INNER);
    return new Step(tree, position, joined, applied,
        estimated ? step.cost() + Cardinality.rows(tree) : 0);
  }

  /** Whether the columns of every equality between inputs have statistics. */
  private static boolean hasStatistics(List<RelNode> inputs, int[] starts,
      List<Conjunct> conjuncts) {
    for (Conjunct conjunct : conjuncts) {
      if (!conjunct.condition().isA(SqlKind.EQUALS) || conjunct.inputs().cardinality() != 2) {
        continue;
      }
      for (int field : RelOptUtil.InputFinder.bits(conjunct.condition())) {
        int input = inputOf(field, starts);
        if (!Cardinality.hasStatistics(inputs.get(input), List.of(field - starts[input]))) {
          return false;
        }
      }
    }
    return true;
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
