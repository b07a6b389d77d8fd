package io.exapg.planner.plan;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.core.expr.Call;
import io.exapg.core.expr.ColumnRef;
import io.exapg.core.expr.Expr;
import io.exapg.core.expr.Function;
import io.exapg.core.expr.Literal;
import io.exapg.core.expr.Parameter;
import io.exapg.core.plan.AggregateFunction;
import io.exapg.core.plan.AggregateNode;
import io.exapg.core.plan.DeleteNode;
import io.exapg.core.plan.FilterNode;
import io.exapg.core.plan.GenerateSeriesNode;
import io.exapg.core.plan.HashJoinNode;
import io.exapg.core.plan.InsertNode;
import io.exapg.core.plan.JoinType;
import io.exapg.core.plan.LimitNode;
import io.exapg.core.plan.NestedLoopJoinNode;
import io.exapg.core.plan.PlanNode;
import io.exapg.core.plan.ProjectNode;
import io.exapg.core.plan.ScanNode;
import io.exapg.core.plan.ScanPredicate;
import io.exapg.core.plan.SortKey;
import io.exapg.core.plan.SortNode;
import io.exapg.core.plan.UnionAllNode;
import io.exapg.core.plan.UnnestNode;
import io.exapg.core.plan.UpdateNode;
import io.exapg.core.plan.ValuesNode;
import io.exapg.core.plan.WindowGroup;
import io.exapg.core.plan.WindowNode;
import io.exapg.core.type.DataType;
import io.exapg.core.type.TextFormat;
import io.exapg.core.type.TypeId;
import io.exapg.planner.catalog.ExaTable;
import io.exapg.planner.catalog.GenerateSeriesFunction;
import io.exapg.planner.catalog.KeywordsFunction;
import io.exapg.planner.catalog.SystemTable;
import io.exapg.planner.rel.ExaAggregate;
import io.exapg.planner.rel.ExaFilter;
import io.exapg.planner.rel.ExaJoin;
import io.exapg.planner.rel.ExaProject;
import io.exapg.planner.rel.ExaSort;
import io.exapg.planner.rel.ExaTableFunctionScan;
import io.exapg.planner.rel.ExaUnnest;
import io.exapg.planner.rel.OrderedArrayAgg;
import io.exapg.planner.rel.ExaTableModify;
import io.exapg.planner.rel.ExaTableScan;
import io.exapg.planner.rel.ExaUnion;
import io.exapg.planner.rel.ExaValues;
import io.exapg.planner.rel.ExaWindow;
import io.exapg.planner.stats.Cardinality;
import io.exapg.planner.validate.DmlRewriter;
import io.exapg.storage.catalog.TableDef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.function.IntUnaryOperator;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.validate.SqlUserDefinedTableFunction;

/**
 * Turns an optimized tree of {@link io.exapg.planner.rel.ExaRel}s into the engine's operator
 * specs. Runs when a statement executes, so that LIMIT and OFFSET parameters are known. Column
 * pruning and zone-map predicates are pushed into scans here.
 */
public final class PlanBuilder {
  private final RexBuilder rexBuilder;
  private final StatementParameters parameters;
  private final Object[] parameterValues;
  private final StatementContext statement;

  public PlanBuilder(RexBuilder rexBuilder, StatementParameters parameters,
      Object[] parameterValues, StatementContext statement) {
    this.rexBuilder = rexBuilder;
    this.parameters = parameters;
    this.parameterValues = parameterValues;
    this.statement = statement;
  }

  private ExprTranslator translator(List<DataType> inputTypes) {
    return new ExprTranslator(rexBuilder, inputTypes, parameters, statement);
  }

  private static List<DataType> types(RelNode rel) {
    return rel.getRowType().getFieldList().stream()
        .map(field -> ExprTranslator.typeOf(field.getType())).toList();
  }

  /** A planned statement's operator specs; a DELETE or UPDATE's rows become its change. */
  public PlanNode build(RelNode rel, DmlRewriter.Target target) {
    PlanNode input = build(rel);
    if (target == null) {
      return input;
    }
    TableDef table = target.table();
    if (target.kind() == SqlKind.DELETE) {
      return new DeleteNode(input, table.id(), table.qualifiedName(), 0);
    }
    List<DataType> types = input.outputTypes();
    List<Expr> columns = new ArrayList<>();
    columns.add(new ColumnRef(0, DataType.BIGINT));
    for (int c = 0; c < table.columns().size(); c++) {
      Expr value = new ColumnRef(c + 1, types.get(c + 1));
      DataType columnType = table.columns().get(c).type();
      columns.add(value.type().equals(columnType) ? value
          : new Call(Function.ASSIGN_CAST, List.of(value), columnType));
    }
    return new UpdateNode(new ProjectNode(input, columns), table.id(), table.qualifiedName());
  }

  public PlanNode build(RelNode rel) {
    return switch (rel) {
      case ExaTableModify modify -> insert(modify);
      case ExaProject project -> project(project);
      case ExaFilter filter -> filter(filter);
      case ExaTableScan scan -> scan(scan, allColumns(scan), null).node();
      case ExaAggregate aggregate -> aggregate(aggregate);
      case ExaJoin join -> join(join);
      case ExaSort sort -> sort(sort);
      case ExaValues values -> values(values);
      case ExaUnion union -> union(union);
      case ExaTableFunctionScan function -> tableFunction(function);
      case ExaUnnest unnest -> new UnnestNode(build(unnest.getInput()), unnest.arrayColumn(),
          unnest.ordinality(), unnest.outer());
      case ExaWindow window -> window(window);
      default -> throw ExaException.notSupported("plan operator " + rel.getRelTypeName());
    };
  }

  // ---------------------------------------------------------------- scans

  /** A scan and, for each table column, its position in the scan's output (or -1). */
  private record PrunedScan(PlanNode node, int[] positions) {
  }

  private static List<Integer> allColumns(ExaTableScan scan) {
    List<Integer> columns = new ArrayList<>();
    for (int c = 0; c < scan.getRowType().getFieldCount(); c++) {
      columns.add(c);
    }
    return columns;
  }

  private static TableDef tableOf(ExaTableScan scan) {
    ExaTable table = scan.getTable().unwrap(ExaTable.class);
    if (table == null) {
      throw ExaException.internal("not an ExaPG table: " + scan.getTable(), null);
    }
    return table.definition();
  }

  /**
   * A scan of the fields a consumer needs, with the condition's simple conjuncts pushed into
   * it and the rest in a filter above.
   */
  private PrunedScan scan(ExaTableScan scan, List<Integer> needed, RexNode condition) {
    SystemTable system = scan.getTable().unwrap(SystemTable.class);
    if (system != null) {
      return systemScan(system, condition);
    }
    TableDef table = tableOf(scan);
    int fieldCount = scan.getRowType().getFieldCount();
    List<DataType> fieldTypes = new ArrayList<>(table.columnTypes());
    while (fieldTypes.size() < fieldCount) {
      fieldTypes.add(DataType.BIGINT);
    }
    List<ScanPredicate> predicates = List.of();
    RexNode residual = null;
    if (condition != null) {
      ScanPredicates.Split split = ScanPredicates.split(condition, fieldTypes,
          table.columns().size(), translator(fieldTypes), rexBuilder);
      predicates = split.predicates();
      residual = split.residual().isEmpty() ? null
          : RexUtil.composeConjunction(rexBuilder, split.residual());
    }
    TreeSet<Integer> fields = new TreeSet<>(needed);
    if (residual != null) {
      collectColumns(List.of(residual), fields);
    }
    int[] positions = new int[fieldCount];
    Arrays.fill(positions, -1);
    List<Integer> columns = new ArrayList<>();
    List<DataType> outputTypes = new ArrayList<>();
    for (int field : fields) {
      positions[field] = columns.size();
      columns.add(field == table.columns().size() ? ScanNode.ROW_ID : field);
      outputTypes.add(fieldTypes.get(field));
    }
    PlanNode node = new ScanNode(table.id(), table.qualifiedName(), columns, outputTypes,
        predicates);
    if (residual != null) {
      node = new FilterNode(node, translator(outputTypes).translate(remap(residual, positions)));
    }
    return new PrunedScan(node, positions);
  }

  /** A system view's rows as of now, as constants; every column, filtered if asked. */
  private PrunedScan systemScan(SystemTable system, RexNode condition) {
    List<DataType> types = system.types();
    List<List<Expr>> rows = new ArrayList<>();
    for (List<Object> values : system.rows(statement.session())) {
      List<Expr> row = new ArrayList<>();
      for (int c = 0; c < types.size(); c++) {
        row.add(new Literal(values.get(c), types.get(c)));
      }
      rows.add(row);
    }
    PlanNode node = new ValuesNode(rows, types);
    if (condition != null) {
      node = new FilterNode(node, translator(types).translate(condition));
    }
    int[] positions = new int[types.size()];
    for (int c = 0; c < positions.length; c++) {
      positions[c] = c;
    }
    return new PrunedScan(node, positions);
  }

  private static RexNode remap(RexNode node, int[] positions) {
    return node.accept(new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        return new RexInputRef(positions[ref.getIndex()], ref.getType());
      }
    });
  }

  private static void collectColumns(List<? extends RexNode> nodes, TreeSet<Integer> into) {
    for (RexNode node : nodes) {
      into.addAll(RelOptUtil.InputFinder.bits(node).asList());
    }
  }

  private PlanNode project(ExaProject project) {
    RelNode input = project.getInput();
    RexNode condition = null;
    if (input instanceof ExaFilter filter && filter.getInput() instanceof ExaTableScan) {
      condition = filter.getCondition();
      input = filter.getInput();
    }
    if (input instanceof ExaTableScan scan) {
      TreeSet<Integer> used = new TreeSet<>();
      collectColumns(project.getProjects(), used);
      PrunedScan pruned = scan(scan, new ArrayList<>(used), condition);
      List<RexNode> projects = new ArrayList<>();
      for (RexNode expression : project.getProjects()) {
        projects.add(remap(expression, pruned.positions()));
      }
      List<DataType> scanTypes = pruned.node().outputTypes();
      return new ProjectNode(pruned.node(), translator(scanTypes).translate(projects));
    }
    PlanNode child = build(input);
    return new ProjectNode(child, translator(child.outputTypes()).translate(
        project.getProjects()));
  }

  private PlanNode filter(ExaFilter filter) {
    if (filter.getInput() instanceof ExaTableScan scan) {
      return scan(scan, allColumns(scan), filter.getCondition()).node();
    }
    PlanNode child = build(filter.getInput());
    return new FilterNode(child, translator(child.outputTypes()).translate(
        filter.getCondition()));
  }

  // ---------------------------------------------------------------- aggregation

  private PlanNode aggregate(ExaAggregate aggregate) {
    if (aggregate.getGroupType() != Aggregate.Group.SIMPLE) {
      throw ExaException.notSupported("GROUPING SETS, ROLLUP and CUBE");
    }
    int[] remap = null;
    PlanNode child;
    RelNode input = aggregate.getInput();
    RexNode condition = null;
    if (input instanceof ExaFilter filter && filter.getInput() instanceof ExaTableScan) {
      condition = filter.getCondition();
      input = filter.getInput();
    }
    if (input instanceof ExaTableScan scan) {
      TreeSet<Integer> used = new TreeSet<>(aggregate.getGroupSet().asList());
      for (AggregateCall call : aggregate.getAggCallList()) {
        used.addAll(call.getArgList());
        if (call.filterArg >= 0) {
          used.add(call.filterArg);
        }
      }
      PrunedScan pruned = scan(scan, new ArrayList<>(used), condition);
      child = pruned.node();
      remap = pruned.positions();
    } else {
      child = build(input);
    }
    int[] positions = remap;
    IntUnaryOperator column = c -> positions == null ? c : positions[c];
    List<DataType> inputTypes = child.outputTypes();
    List<Integer> keys = aggregate.getGroupSet().asList().stream()
        .map(column::applyAsInt).toList();
    List<io.exapg.core.plan.AggregateCall> calls = new ArrayList<>();
    List<Expr> outputs = new ArrayList<>();
    List<DataType> keyTypes = new ArrayList<>();
    for (int k = 0; k < keys.size(); k++) {
      keyTypes.add(inputTypes.get(keys.get(k)));
      outputs.add(new ColumnRef(k, inputTypes.get(keys.get(k))));
    }
    boolean literals = false;
    for (AggregateCall call : aggregate.getAggCallList()) {
      DataType resultType = ExprTranslator.typeOf(call.getType());
      if (call.getAggregation().getKind() == SqlKind.LITERAL_AGG) {
        outputs.add(PlanBuilder.convert(ExprTranslator.literal(
            (RexLiteral) call.rexList.get(0)), resultType));
        literals = true;
        continue;
      }
      calls.add(aggregateCall(call, inputTypes, resultType, column, input));
      outputs.add(new ColumnRef(keys.size() + calls.size() - 1, resultType));
    }
    PlanNode node = new AggregateNode(child, keys, calls);
    return literals ? new ProjectNode(node, outputs) : node;
  }

  private static io.exapg.core.plan.AggregateCall aggregateCall(AggregateCall call,
      List<DataType> inputTypes, DataType resultType,
      java.util.function.IntUnaryOperator column, RelNode input) {
    if (call.isDistinct()) {
      throw ExaException.notSupported("this combination of DISTINCT aggregates");
    }
    if (call.getAggregation().getKind() == SqlKind.STRING_AGG
        || call.getAggregation().getKind() == SqlKind.LISTAGG) {
      return stringAgg(call, inputTypes, resultType, column, input);
    }
    if (call.getArgList().size() > 1) {
      throw ExaException.notSupported("aggregates with several arguments");
    }
    int argument = call.getArgList().isEmpty() ? -1
        : column.applyAsInt(call.getArgList().get(0));
    DataType argumentType = argument < 0 ? DataType.BIGINT : inputTypes.get(argument);
    AggregateFunction function = switch (call.getAggregation().getKind()) {
      case COUNT -> argument < 0 ? AggregateFunction.COUNT_STAR : AggregateFunction.COUNT;
      case SUM -> AggregateFunction.SUM;
      case SUM0 -> AggregateFunction.SUM0;
      case AVG -> AggregateFunction.AVG;
      case MIN -> AggregateFunction.MIN;
      case MAX -> AggregateFunction.MAX;
      case SINGLE_VALUE -> AggregateFunction.SINGLE_VALUE;
      case ANY_VALUE -> AggregateFunction.ANY_VALUE;
      default -> {
        String name = call.getAggregation().getName().toUpperCase();
        if (name.equals("BOOL_AND") || name.equals("EVERY")) {
          yield AggregateFunction.BOOL_AND;
        }
        if (name.equals("BOOL_OR") || name.equals("SOME")) {
          yield AggregateFunction.BOOL_OR;
        }
        if (name.equals("ARRAY_AGG")) {
          yield AggregateFunction.ARRAY_AGG;
        }
        throw ExaException.notSupported("aggregate function " + name.toLowerCase());
      }
    };
    List<SortKey> orderBy = elementOrder(call, column);
    return new io.exapg.core.plan.AggregateCall(function, argument, argumentType, resultType,
        call.filterArg < 0 ? -1 : column.applyAsInt(call.filterArg), orderBy,
        typesOf(orderBy, inputTypes), null);
  }

  private static List<DataType> typesOf(List<SortKey> keys, List<DataType> inputTypes) {
    return keys.stream().map(key -> inputTypes.get(key.column())).toList();
  }

  /** STRING_AGG(text, delimiter), the delimiter a constant. */
  private static io.exapg.core.plan.AggregateCall stringAgg(AggregateCall call,
      List<DataType> inputTypes, DataType resultType,
      java.util.function.IntUnaryOperator column, RelNode input) {
    RexLiteral literal = constantColumn(input, call.getArgList().get(1));
    if (literal == null) {
      throw ExaException.notSupported("string_agg with a delimiter that is not a constant");
    }
    String separator = literal.isNull() ? "" : literal.getValueAs(String.class);
    int argument = column.applyAsInt(call.getArgList().get(0));
    List<SortKey> orderBy = elementOrder(call, column);
    return new io.exapg.core.plan.AggregateCall(AggregateFunction.STRING_AGG, argument,
        inputTypes.get(argument), resultType,
        call.filterArg < 0 ? -1 : column.applyAsInt(call.filterArg), orderBy,
        typesOf(orderBy, inputTypes), separator);
  }

  /** The constant a column of a projection or of constant rows always holds, or null. */
  private static RexLiteral constantColumn(RelNode input, int column) {
    if (input instanceof ExaProject project
        && project.getProjects().get(column) instanceof RexLiteral literal) {
      return literal;
    }
    if (input instanceof ExaValues values && !values.getTuples().isEmpty()
        && values.getTuples().stream().allMatch(tuple -> tuple.get(column).equals(
            values.getTuples().get(0).get(column)))) {
      return values.getTuples().get(0).get(column);
    }
    return null;
  }

  /**
   * ARRAY_AGG / STRING_AGG (x ORDER BY expression [DESC] [NULLS FIRST | LAST], ...): the
   * input columns their elements are sorted by; other aggregates ignore an ORDER BY, as
   * PostgreSQL.
   */
  private static List<SortKey> elementOrder(AggregateCall call,
      java.util.function.IntUnaryOperator column) {
    if (call.getAggregation() instanceof OrderedArrayAgg ordered) {
      return List.of(new SortKey(column.applyAsInt(call.getArgList().get(0)),
          ordered.descending(), ordered.descending()));
    }
    String name = call.getAggregation().getName();
    SqlKind kind = call.getAggregation().getKind();
    if (!name.equalsIgnoreCase("ARRAY_AGG") && kind != SqlKind.STRING_AGG
        && kind != SqlKind.LISTAGG) {
      return List.of();
    }
    List<SortKey> keys = new ArrayList<>();
    for (RelFieldCollation by : call.collation.getFieldCollations()) {
      boolean descending = by.direction.isDescending();
      // PostgreSQL's default: NULLs sort as if larger than every value
      boolean nullsFirst = by.nullDirection == RelFieldCollation.NullDirection.UNSPECIFIED
          ? descending : by.nullDirection == RelFieldCollation.NullDirection.FIRST;
      keys.add(new SortKey(column.applyAsInt(by.getFieldIndex()), descending, nullsFirst));
    }
    return keys;
  }

  /** pg_get_keywords(): one constant row per keyword of the grammar. */
  private static PlanNode keywords() {
    List<List<Expr>> rows = new ArrayList<>();
    for (KeywordsFunction.Keyword keyword : KeywordsFunction.keywords()) {
      String category = keyword.reserved() ? "reserved" : "unreserved";
      rows.add(List.of(new Literal(keyword.word(), DataType.TEXT),
          new Literal(keyword.reserved() ? "R" : "U", DataType.TEXT),
          new Literal(true, DataType.BOOLEAN), new Literal(category, DataType.TEXT),
          new Literal("can be bare label", DataType.TEXT)));
    }
    return new ValuesNode(rows, List.of(DataType.TEXT, DataType.TEXT, DataType.BOOLEAN,
        DataType.TEXT, DataType.TEXT));
  }

  // ---------------------------------------------------------------- joins

  private PlanNode join(ExaJoin join) {
    PlanNode left = build(join.getLeft());
    PlanNode right = build(join.getRight());
    int leftCount = left.outputTypes().size();
    List<Integer> leftKeys = new ArrayList<>();
    List<Integer> rightKeys = new ArrayList<>();
    List<Boolean> filterNulls = new ArrayList<>();
    List<RexNode> nonEqui = new ArrayList<>();
    RelOptUtil.splitJoinCondition(join.getLeft(), join.getRight(), join.getCondition(),
        leftKeys, rightKeys, filterNulls, nonEqui);
    RexNode residual = RexUtil.composeConjunction(rexBuilder, nonEqui);
    JoinRelType relType = join.getJoinType();
    JoinType joinType = switch (relType) {
      case INNER -> JoinType.INNER;
      case LEFT -> JoinType.LEFT;
      case RIGHT -> JoinType.LEFT;
      case FULL -> JoinType.FULL;
      case SEMI -> JoinType.SEMI;
      case ANTI -> JoinType.ANTI;
      default -> throw ExaException.notSupported(relType + " joins");
    };
    List<DataType> pairTypes = new ArrayList<>(left.outputTypes());
    pairTypes.addAll(right.outputTypes());
    if (leftKeys.isEmpty()) {
      boolean swap = relType == JoinRelType.RIGHT;
      if (relType == JoinRelType.FULL) {
        throw ExaException.notSupported("FULL JOIN on a condition without an equality");
      }
      Expr condition = join.getCondition().isAlwaysTrue() ? null
          : translator(pairTypes).translate(join.getCondition());
      if (!swap) {
        return new NestedLoopJoinNode(left, right, joinType, condition);
      }
      Expr swapped = condition == null ? null : swapColumns(condition, leftCount,
          right.outputTypes().size());
      return reorderSwapped(new NestedLoopJoinNode(right, left, JoinType.LEFT, swapped),
          leftCount, right.outputTypes().size());
    }
    Expr residualExpr = residual == null || residual.isAlwaysTrue() ? null
        : translator(pairTypes).translate(residual);
    // The hash table is built on the input estimated smaller; the join type then says which
    // of the hash join's sides keeps its unmatched rows or is the one emitted.
    boolean rightLarger = buildsLarger(join);
    boolean swap = switch (relType) {
      case RIGHT -> !(Cardinality.rows(join.getLeft()) > Cardinality.rows(join.getRight()));
      case FULL -> false;
      default -> rightLarger;
    };
    JoinType nodeType = switch (relType) {
      case INNER -> JoinType.INNER;
      case LEFT -> swap ? JoinType.RIGHT : JoinType.LEFT;
      case RIGHT -> swap ? JoinType.LEFT : JoinType.RIGHT;
      case SEMI -> swap ? JoinType.RIGHT_SEMI : JoinType.SEMI;
      case ANTI -> swap ? JoinType.RIGHT_ANTI : JoinType.ANTI;
      default -> joinType;
    };
    return hashJoin(left, right, leftKeys, rightKeys, filterNulls, nodeType, residualExpr,
        swap);
  }

  /**
   * Whether a join's right input (the hash table's side) is estimated to have more rows than
   * its left; then the left is built instead, which takes less memory and time.
   */
  private static boolean buildsLarger(ExaJoin join) {
    return Cardinality.rows(join.getRight()) > Cardinality.rows(join.getLeft());
  }

  private PlanNode hashJoin(PlanNode left, PlanNode right, List<Integer> leftKeys,
      List<Integer> rightKeys, List<Boolean> filterNulls, JoinType joinType, Expr residual,
      boolean swap) {
    int leftCount = left.outputTypes().size();
    int rightCount = right.outputTypes().size();
    List<Expr> leftExtra = new ArrayList<>();
    List<Expr> rightExtra = new ArrayList<>();
    List<Integer> probeKeys = new ArrayList<>();
    List<Integer> buildKeys = new ArrayList<>();
    List<Boolean> nullSafe = new ArrayList<>();
    for (int k = 0; k < leftKeys.size(); k++) {
      DataType leftType = left.outputTypes().get(leftKeys.get(k));
      DataType rightType = right.outputTypes().get(rightKeys.get(k));
      DataType common = JoinKeyTypes.common(leftType, rightType);
      probeKeys.add(keyColumn(leftKeys.get(k), leftType, common, leftCount, leftExtra));
      buildKeys.add(keyColumn(rightKeys.get(k), rightType, common, rightCount, rightExtra));
      nullSafe.add(!filterNulls.get(k));
    }
    PlanNode probe = withExtraColumns(left, leftExtra);
    PlanNode build = withExtraColumns(right, rightExtra);
    int probeCount = probe.outputTypes().size();
    Expr adjustedResidual = residual == null ? null
        : shiftBuildColumns(residual, leftCount, leftExtra.size());
    PlanNode joined;
    if (swap && (joinType == JoinType.RIGHT_SEMI || joinType == JoinType.RIGHT_ANTI)) {
      // The rows to keep are on the side that becomes the build side: mark, then emit them.
      Expr swapped = adjustedResidual == null ? null
          : swapColumns(adjustedResidual, probeCount, build.outputTypes().size());
      joined = new HashJoinNode(build, probe, joinType, buildKeys, probeKeys, nullSafe,
          swapped);
      if (leftExtra.isEmpty()) {
        return joined;
      }
      List<Expr> keep = new ArrayList<>();
      for (int c = 0; c < leftCount; c++) {
        keep.add(new ColumnRef(c, left.outputTypes().get(c)));
      }
      return new ProjectNode(joined, keep);
    }
    if (swap) {
      Expr swapped = adjustedResidual == null ? null
          : swapColumns(adjustedResidual, probeCount, build.outputTypes().size());
      joined = new HashJoinNode(build, probe, joinType, buildKeys, probeKeys, nullSafe,
          swapped);
      List<Expr> order = new ArrayList<>();
      int buildCount = build.outputTypes().size();
      for (int c = 0; c < leftCount; c++) {
        order.add(new ColumnRef(buildCount + c, left.outputTypes().get(c)));
      }
      for (int c = 0; c < rightCount; c++) {
        order.add(new ColumnRef(c, right.outputTypes().get(c)));
      }
      return new ProjectNode(joined, order);
    }
    joined = new HashJoinNode(probe, build, joinType, probeKeys, buildKeys, nullSafe,
        adjustedResidual);
    if (leftExtra.isEmpty() && rightExtra.isEmpty()) {
      return joined;
    }
    List<Expr> keep = new ArrayList<>();
    for (int c = 0; c < leftCount; c++) {
      keep.add(new ColumnRef(c, left.outputTypes().get(c)));
    }
    if (joinType != JoinType.SEMI && joinType != JoinType.ANTI) {
      for (int c = 0; c < rightCount; c++) {
        keep.add(new ColumnRef(probeCount + c, right.outputTypes().get(c)));
      }
    }
    return new ProjectNode(joined, keep);
  }

  /** The column holding a join key of the common type, adding a cast column if needed. */
  private static int keyColumn(int column, DataType type, DataType common, int columnCount,
      List<Expr> extra) {
    if (type.equals(common) || JoinKeyTypes.sameRepresentation(type, common)) {
      return column;
    }
    extra.add(new Call(Function.CAST, List.of(new ColumnRef(column, type)), common));
    return columnCount + extra.size() - 1;
  }

  private static PlanNode withExtraColumns(PlanNode input, List<Expr> extra) {
    if (extra.isEmpty()) {
      return input;
    }
    List<Expr> columns = new ArrayList<>();
    for (int c = 0; c < input.outputTypes().size(); c++) {
      columns.add(new ColumnRef(c, input.outputTypes().get(c)));
    }
    columns.addAll(extra);
    return new ProjectNode(input, columns);
  }

  /** Moves references to build columns past extra probe columns. */
  private static Expr shiftBuildColumns(Expr expr, int leftCount, int shift) {
    if (shift == 0) {
      return expr;
    }
    return ExprRewriter.mapColumns(expr, c -> c >= leftCount ? c + shift : c);
  }

  /** Rewrites an expression over (left, right) columns to one over (right, left). */
  private static Expr swapColumns(Expr expr, int leftCount, int rightCount) {
    return ExprRewriter.mapColumns(expr, c -> c < leftCount ? c + rightCount : c - leftCount);
  }

  private static PlanNode reorderSwapped(PlanNode joined, int leftCount, int rightCount) {
    List<DataType> types = joined.outputTypes();
    List<Expr> order = new ArrayList<>();
    for (int c = 0; c < leftCount; c++) {
      order.add(new ColumnRef(rightCount + c, types.get(rightCount + c)));
    }
    for (int c = 0; c < rightCount; c++) {
      order.add(new ColumnRef(c, types.get(c)));
    }
    return new ProjectNode(joined, order);
  }

  // ---------------------------------------------------------------- sort, values, union

  private PlanNode sort(ExaSort sort) {
    PlanNode child = build(sort.getInput());
    long offset = sort.offset == null ? 0 : constantLong(sort.offset, "OFFSET");
    long limit = sort.fetch == null ? -1 : constantLong(sort.fetch, "LIMIT");
    if (sort.getCollation().getFieldCollations().isEmpty()) {
      return new LimitNode(child, offset, limit);
    }
    return new SortNode(child, sortKeys(sort.getCollation()), offset, limit);
  }

  private static List<SortKey> sortKeys(RelCollation collation) {
    List<SortKey> keys = new ArrayList<>();
    for (RelFieldCollation field : collation.getFieldCollations()) {
      boolean descending = field.getDirection().isDescending();
      boolean nullsFirst = switch (field.nullDirection) {
        case FIRST -> true;
        case LAST -> false;
        default -> descending;
      };
      keys.add(new SortKey(field.getFieldIndex(), descending, nullsFirst));
    }
    return keys;
  }

  private long constantLong(RexNode node, String clause) {
    Object value;
    if (node instanceof RexLiteral literal) {
      value = literal.getValueAs(Long.class);
    } else if (node instanceof RexDynamicParam param) {
      value = parameterValues[parameters.indexOf(param.getIndex())];
    } else {
      throw ExaException.notSupported(clause + " with an expression");
    }
    if (value == null) {
      return clause.equals("LIMIT") ? -1 : 0;
    }
    long number = ((Number) value).longValue();
    if (number < 0) {
      throw new ExaException(SqlState.INVALID_PARAMETER_VALUE,
          clause + " must not be negative");
    }
    return number;
  }

  private PlanNode values(ExaValues values) {
    List<DataType> types = types(values);
    List<List<Expr>> rows = new ArrayList<>();
    for (List<RexLiteral> tuple : values.getTuples()) {
      List<Expr> row = new ArrayList<>();
      for (int c = 0; c < tuple.size(); c++) {
        row.add(convert(ExprTranslator.literal(tuple.get(c)), types.get(c)));
      }
      rows.add(row);
    }
    return new ValuesNode(rows, types);
  }

  /** A literal converted to another type at planning time. */
  static Literal convert(Literal literal, DataType type) {
    if (literal.type().equals(type)) {
      return literal;
    }
    if (literal.value() == null) {
      return Literal.nullOf(type);
    }
    if (type.isString()) {
      String text = TextFormat.toText(literal.value(), literal.type());
      if (literal.type().id() == TypeId.BOOLEAN) {
        text = (Boolean) literal.value() ? "true" : "false";
      }
      return new Literal(text, type);
    }
    return new Literal(TextFormat.parse(TextFormat.toText(literal.value(), literal.type()),
        type), type);
  }

  private PlanNode union(ExaUnion union) {
    List<DataType> types = types(union);
    List<PlanNode> inputs = new ArrayList<>();
    for (RelNode input : union.getInputs()) {
      PlanNode child = build(input);
      if (!child.outputTypes().equals(types)) {
        List<Expr> casts = new ArrayList<>();
        for (int c = 0; c < types.size(); c++) {
          Expr column = new ColumnRef(c, child.outputTypes().get(c));
          casts.add(column.type().equals(types.get(c)) ? column
              : new Call(Function.CAST, List.of(column), types.get(c)));
        }
        child = new ProjectNode(child, casts);
      }
      inputs.add(child);
    }
    return new UnionAllNode(inputs, types);
  }

  private PlanNode tableFunction(ExaTableFunctionScan scan) {
    RexCall call = (RexCall) scan.getCall();
    if (call.getOperator() instanceof SqlUserDefinedTableFunction function
        && function.getFunction() instanceof KeywordsFunction) {
      return keywords();
    }
    if (!(call.getOperator() instanceof SqlUserDefinedTableFunction function)
        || !(function.getFunction() instanceof GenerateSeriesFunction)) {
      throw ExaException.notSupported("table function " + call.getOperator().getName());
    }
    ExprTranslator translator = translator(List.of());
    List<Expr> arguments = new ArrayList<>();
    for (RexNode operand : call.getOperands()) {
      if (operand.getKind() == SqlKind.DEFAULT) {
        arguments.add(null);
        continue;
      }
      Expr argument = translator.translate(RexUtil.removeCast(operand));
      if (argument instanceof Literal literal) {
        arguments.add(convert(literal, DataType.BIGINT));
      } else if (argument instanceof Parameter parameter
          && parameter.type().isExactNumeric() && parameter.type().scale() == 0) {
        arguments.add(argument);
      } else {
        throw ExaException.notSupported("generate_series with arguments that are not constants");
      }
    }
    return new GenerateSeriesNode(arguments.get(0), arguments.get(1),
        arguments.size() > 2 ? arguments.get(2) : null, DataType.BIGINT);
  }

  // ---------------------------------------------------------------- window functions

  private PlanNode window(ExaWindow window) {
    PlanNode child = build(window.getInput());
    WindowTranslator translator = new WindowTranslator(child.outputTypes(),
        window.getConstants());
    List<WindowGroup> groups = new ArrayList<>();
    for (Window.Group group : window.groups) {
      groups.add(translator.group(group, sortKeys(group.orderKeys)));
    }
    return new WindowNode(child, groups);
  }

  // ---------------------------------------------------------------- insert

  private PlanNode insert(ExaTableModify modify) {
    ExaTable table = modify.getTable().unwrap(ExaTable.class);
    if (table == null || table.hasRowIds()) {
      throw new ExaException(SqlState.WRONG_OBJECT_TYPE,
          "cannot insert into " + modify.getTable().getQualifiedName());
    }
    TableDef definition = table.definition();
    PlanNode input = build(modify.getInput());
    List<DataType> targetTypes = definition.columnTypes();
    List<Expr> columns = new ArrayList<>();
    List<Expr> sources = input instanceof ProjectNode project ? project.expressions() : null;
    for (int c = 0; c < targetTypes.size(); c++) {
      Expr source = sources != null ? sources.get(c)
          : new ColumnRef(c, input.outputTypes().get(c));
      if (source instanceof Call call && call.function() == Function.CAST) {
        source = call.argument(0);
      }
      columns.add(source.type().equals(targetTypes.get(c)) ? source
          : new Call(Function.ASSIGN_CAST, List.of(source), targetTypes.get(c)));
    }
    PlanNode base = sources != null ? ((ProjectNode) input).input() : input;
    return new InsertNode(new ProjectNode(base, columns), definition.id(),
        definition.qualifiedName());
  }
}
