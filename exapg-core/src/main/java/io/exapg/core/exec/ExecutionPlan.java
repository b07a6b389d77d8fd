package io.exapg.core.exec;

import io.exapg.core.exec.join.HashJoinProbeOperator;
import io.exapg.core.exec.join.JoinBuildSink;
import io.exapg.core.exec.join.NestedLoopJoinOperator;
import io.exapg.core.exec.join.BuildRowsSource;
import io.exapg.core.exec.join.SpilledJoinSource;
import io.exapg.core.exec.operator.FilterOperator;
import io.exapg.core.exec.operator.LimitOperator;
import io.exapg.core.exec.operator.ProjectOperator;
import io.exapg.core.exec.operator.UnnestOperator;
import io.exapg.core.exec.sink.CollectSink;
import io.exapg.core.exec.sink.StreamingSink;
import io.exapg.core.exec.sink.DeleteSink;
import io.exapg.core.exec.sink.HashAggregateSink;
import io.exapg.core.exec.sink.InsertSink;
import io.exapg.core.exec.sink.StatisticsSink;
import io.exapg.core.exec.sink.UpdateSink;
import io.exapg.core.exec.sort.SortSink;
import io.exapg.core.exec.window.WindowSink;
import io.exapg.core.exec.source.GenerateSeriesSource;
import io.exapg.core.exec.source.MaterializedSource;
import io.exapg.core.exec.source.ValuesSource;
import io.exapg.core.expr.Call;
import io.exapg.core.expr.ColumnRef;
import io.exapg.core.expr.Expr;
import io.exapg.core.expr.Function;
import io.exapg.core.plan.AggregateNode;
import io.exapg.core.plan.AnalyzeNode;
import io.exapg.core.plan.DeleteNode;
import io.exapg.core.plan.FilterNode;
import io.exapg.core.plan.GenerateSeriesNode;
import io.exapg.core.plan.HashJoinNode;
import io.exapg.core.plan.InsertNode;
import io.exapg.core.plan.LimitNode;
import io.exapg.core.plan.NestedLoopJoinNode;
import io.exapg.core.plan.PlanNode;
import io.exapg.core.plan.ProjectNode;
import io.exapg.core.plan.UnnestNode;
import io.exapg.core.plan.ScanNode;
import io.exapg.core.plan.SortNode;
import io.exapg.core.plan.UnionAllNode;
import io.exapg.core.plan.UpdateNode;
import io.exapg.core.plan.ValuesNode;
import io.exapg.core.plan.WindowNode;
import io.exapg.core.stats.TableStatistics;
import io.exapg.core.type.DataType;
import io.exapg.core.type.PhysicalType;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plan cut into pipelines at its breakers (aggregate, sort, join build), in the order they
 * must run, with the sinks that hold the query's intermediate and final rows.
 */
public final class ExecutionPlan implements AutoCloseable {
  private final QueryContext context;
  private final List<Pipeline> pipelines = new ArrayList<>();
  private final List<PipelineSink> sinks = new ArrayList<>();
  private final Map<Pipeline, List<PipelineSink>> releaseAfter = new IdentityHashMap<>();
  private CollectSink resultSink;
  private StreamingSink streamingSink;
  private ModifySink modifySink;

  private ExecutionPlan(QueryContext context) {
    this.context = context;
  }

  public static ExecutionPlan build(PlanNode root, QueryContext context) {
    return build(root, context, 0);
  }

  /**
   * @param streamBatches for a query, how many result batches may wait for the client when the
   *     result is streamed (see {@link #streamingResult}); 0 keeps the whole result instead
   */
  public static ExecutionPlan build(PlanNode root, QueryContext context, int streamBatches) {
    ExecutionPlan plan = new ExecutionPlan(context);
    try {
      switch (root) {
        case InsertNode insert -> plan.buildModify(insert, new InsertSink(
            context.tables().openWriter(insert.tableId(), context)));
        case DeleteNode delete -> plan.buildModify(delete, new DeleteSink(
            context.tables().openDeleter(delete.tableId(), context), delete.rowIdColumn()));
        case AnalyzeNode analyze -> plan.buildModify(analyze,
            new StatisticsSink(analyze.input().outputTypes()));
        case UpdateNode update -> plan.buildModify(update, new UpdateSink(
            context.tables().openDeleter(update.tableId(), context),
            context.tables().openWriter(update.tableId(), context)));
        default -> {
          if (streamBatches > 0) {
            plan.streamingSink = plan.register(new StreamingSink(root.outputTypes(), context,
                streamBatches));
            plan.build(root, List.of(), plan.streamingSink);
          } else {
            plan.resultSink = plan.register(new CollectSink(root.outputTypes(), context));
            plan.build(root, List.of(), plan.resultSink);
          }
        }
      }
      return plan;
    } catch (RuntimeException e) {
      plan.close();
      throw e;
    }
  }

  private void buildModify(PlanNode root, ModifySink sink) {
    modifySink = register(sink);
    build(root.inputs().get(0), List.of(), instrument(root, sink));
  }

  /**
   * Runs the pipelines; with a streaming result, the last ones run on this thread and wait
   * while the client has not taken their rows, so run it on a thread of its own.
   */
  public void run() {
    PipelineExecutor.run(pipelines, releaseAfter, context, streamingSink);
  }

  /** The query's rows, once run; null for INSERT, DELETE and UPDATE and streamed results. */
  public MaterializedRows result() {
    return resultSink == null ? null : resultSink.rows();
  }

  /** The query's rows as they are produced, when built to stream them; else null. */
  public StreamingSink streamingResult() {
    return streamingSink;
  }

  /** The statistics an ANALYZE gathered, once run; else null. */
  public TableStatistics analyzed() {
    return modifySink instanceof StatisticsSink statistics ? statistics.result() : null;
  }

  /** Rows an INSERT, DELETE or UPDATE changed, once run. */
  public long modifiedRows() {
    return modifySink == null ? 0 : modifySink.rowCount();
  }

  public int pipelineCount() {
    return pipelines.size();
  }

  private <T extends PipelineSink> T register(T sink) {
    sinks.add(sink);
    return sink;
  }

  /** The operator of a plan node in front of the rest of a pipeline, charging its counters. */
  private List<OperatorFactory> prepend(PlanNode node, OperatorFactory first,
      List<OperatorFactory> rest) {
    List<OperatorFactory> operators = new ArrayList<>(rest.size() + 1);
    operators.add(Instrumentation.operator(context.statistics().operator(node), first));
    operators.addAll(rest);
    return operators;
  }

  /** A pipeline whose source produces a plan node's rows. */
  private void add(PlanNode node, Source source, List<OperatorFactory> operators,
      PipelineSink sink) {
    pipelines.add(new Pipeline(Instrumentation.source(context.statistics().operator(node),
        source), operators, sink));
  }

  /** Releases the sink's output after the last pipeline added so far has run. */
  private void releaseAfterLastPipeline(PipelineSink sink) {
    releaseAfter.computeIfAbsent(pipelines.get(pipelines.size() - 1), p -> new ArrayList<>())
        .add(sink);
  }

  /** A breaker's sink, charging its plan node's counters with the time rows take in it. */
  private PipelineSink instrument(PlanNode node, PipelineSink sink) {
    return Instrumentation.sink(context.statistics().operator(node), sink);
  }

  private void build(PlanNode node, List<OperatorFactory> downstream, PipelineSink sink) {
    switch (node) {
      case ScanNode scan -> add(scan, context.tables().openScan(scan, context), downstream,
          sink);
      case ValuesNode values -> add(values, new ValuesSource(values), downstream, sink);
      case GenerateSeriesNode series -> add(series, new GenerateSeriesSource(series),
          downstream, sink);
      case FilterNode filter -> build(filter.input(), prepend(filter,
          FilterOperator.factory(filter.condition(), filter.input().outputTypes()), downstream),
          sink);
      case ProjectNode project -> build(project.input(), prepend(project,
          ProjectOperator.factory(project.expressions(), project.input().outputTypes()),
          downstream), sink);
      case UnnestNode unnest -> build(unnest.input(), prepend(unnest,
          UnnestOperator.factory(unnest), downstream), sink);
      case LimitNode limit -> build(limit.input(),
          prepend(limit, LimitOperator.factory(limit.offset(), limit.limit()), downstream),
          sink);
      case AggregateNode aggregate -> {
        HashAggregateSink breaker = register(new HashAggregateSink(aggregate));
        build(aggregate.input(), List.of(), instrument(aggregate, breaker));
        add(aggregate, new MaterializedSource(breaker::result, false, "aggregate output"),
            downstream, sink);
        releaseAfterLastPipeline(breaker);
      }
      case SortNode sort -> {
        SortSink breaker = register(new SortSink(sort));
        build(sort.input(), List.of(), instrument(sort, breaker));
        add(sort, new MaterializedSource(breaker::result, true, "sorted rows"), downstream,
            sink);
        releaseAfterLastPipeline(breaker);
      }
      case WindowNode window -> {
        WindowSink breaker = register(new WindowSink(window));
        build(window.input(), List.of(), instrument(window, breaker));
        add(window, new MaterializedSource(breaker::result, true, "window output"), downstream,
            sink);
        releaseAfterLastPipeline(breaker);
      }
      case HashJoinNode join -> {
        JoinBuildSink build = register(new JoinBuildSink(join.build().outputTypes(),
            new JoinBuildSink.JoinKeysSpec(join.buildKeys(), join.nullSafeKeys())));
        addRuntimeFilters(join, build);
        build.allowSpilling(join.probe().outputTypes(), switch (join.joinType()) {
          case RIGHT, FULL, RIGHT_ANTI -> true;
          default -> false;
        });
        build(join.build(), List.of(), instrument(join, build));
        build(join.probe(), prepend(join, HashJoinProbeOperator.factory(join, build),
            downstream), sink);
        add(join, new SpilledJoinSource(join, build), downstream, sink);
        switch (join.joinType()) {
          case RIGHT, FULL -> add(join, new BuildRowsSource(build,
              join.probe().outputTypes(), false), downstream, sink);
          case RIGHT_SEMI -> add(join, new BuildRowsSource(build, List.of(), true), downstream,
              sink);
          case RIGHT_ANTI -> add(join, new BuildRowsSource(build, List.of(), false), downstream,
              sink);
          default -> {
          }
        }
        releaseAfterLastPipeline(build);
      }
      case NestedLoopJoinNode join -> {
        JoinBuildSink right = register(new JoinBuildSink(join.right().outputTypes(), null));
        build(join.right(), List.of(), instrument(join, right));
        build(join.left(), prepend(join, NestedLoopJoinOperator.factory(join, right),
            downstream), sink);
        releaseAfterLastPipeline(right);
      }
      case UnionAllNode union -> {
        for (PlanNode input : union.inputs()) {
          build(input, downstream, sink);
        }
      }
      case InsertNode insert -> throw rootOnly(insert);
      case DeleteNode delete -> throw rootOnly(delete);
      case UpdateNode update -> throw rootOnly(update);
      case AnalyzeNode analyze -> throw rootOnly(analyze);
    }
  }

  /**
   * Lets the build side of a join that drops probe rows without a partner filter the scan the
   * probe rows come from, on each key column the scan reads directly and that holds longs.
   */
  private void addRuntimeFilters(HashJoinNode join, JoinBuildSink build) {
    switch (join.joinType()) {
      case INNER, SEMI, RIGHT, RIGHT_SEMI, RIGHT_ANTI -> {
      }
      default -> {
        return;
      }
    }
    for (int k = 0; k < join.probeKeys().size(); k++) {
      int probeColumn = join.probeKeys().get(k);
      PhysicalType physical = join.probe().outputTypes().get(probeColumn).physical();
      if (join.nullSafeKeys().get(k) || physical == PhysicalType.VARBINARY
          || physical == PhysicalType.FLOAT32 || physical == PhysicalType.FLOAT64) {
        continue;
      }
      ScanColumn origin = scanColumn(join.probe(), probeColumn);
      if (origin != null) {
        RuntimeFilter filter = new RuntimeFilter();
        context.addRuntimeFilter(origin.scan(), new QueryContext.ScanFilter(origin.column(),
            filter));
        build.addRuntimeFilter(join.buildKeys().get(k), filter);
      }
    }
  }

  /** A table column read by a scan. */
  private record ScanColumn(ScanNode scan, int column) {
  }

  /**
   * The scan column an output column of a plan passes on unchanged, through projections,
   * filters, the probe side of joins that keep probe rows as they are, either side of inner
   * joins (whose build pipelines run after the filter's), and group keys; else null.
   */
  private static ScanColumn scanColumn(PlanNode node, int column) {
    return switch (node) {
      case ScanNode scan -> scan.columns().get(column) == ScanNode.ROW_ID ? null
          : new ScanColumn(scan, scan.columns().get(column));
      case FilterNode filter -> scanColumn(filter.input(), column);
      case ProjectNode project -> {
        Expr expr = project.expressions().get(column);
        if (expr instanceof Call call && call.function() == Function.CAST
            && integerWidth(call.argument(0).type()) > 0
            && integerWidth(call.type()) >= integerWidth(call.argument(0).type())) {
          expr = call.argument(0);
        }
        yield expr instanceof ColumnRef ref ? scanColumn(project.input(), ref.index()) : null;
      }
      case HashJoinNode join -> {
        int probeColumns = join.probe().outputTypes().size();
        yield switch (join.joinType()) {
          case INNER -> column < probeColumns ? scanColumn(join.probe(), column)
              : scanColumn(join.build(), column - probeColumns);
          case LEFT, SEMI, ANTI -> column < probeColumns ? scanColumn(join.probe(), column)
              : null;
          default -> null;
        };
      }
      // A group exists for a key only if input rows with that key do: rows whose key no
      // partner has can go before they are aggregated (TPC-H Q17, Q20: per-part sums).
      case AggregateNode aggregate -> column < aggregate.groupKeys().size()
          ? scanColumn(aggregate.input(), aggregate.groupKeys().get(column)) : null;
      default -> null;
    };
  }

  /**
   * Bytes of an integer type, 0 for others: integers keep their value as a long when cast to
   * an integer type at least as wide, so a filter on the cast values holds for the column.
   */
  private static int integerWidth(DataType type) {
    return switch (type.id()) {
      case SMALLINT -> 2;
      case INTEGER -> 4;
      case BIGINT -> 8;
      default -> 0;
    };
  }

  private static IllegalStateException rootOnly(PlanNode node) {
    return new IllegalStateException("must be the root of a plan: " + node.describe());
  }

  @Override
  public void close() {
    for (int k = sinks.size() - 1; k >= 0; k--) {
      sinks.get(k).close();
    }
  }
}
