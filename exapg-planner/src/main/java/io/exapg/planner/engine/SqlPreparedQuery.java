package io.exapg.planner.engine;

import io.exapg.core.engine.PreparedQuery;
import io.exapg.core.engine.ResultColumn;
import io.exapg.core.trace.TraceDetail;
import io.exapg.core.type.DataType;
import io.exapg.planner.PlanTimings;
import io.exapg.planner.QueryPlanner;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement after analysis: for queries and INSERTs, the optimized plan (replanned when the
 * catalog changes); for utility statements, just what they return.
 */
final class SqlPreparedQuery implements PreparedQuery {
  private final SqlStatement statement;
  private final List<DataType> declaredTypes;
  private final List<DataType> parameterTypes;
  private final List<ResultColumn> resultColumns;
  private volatile QueryPlanner.PreparedPlan plan;
  private volatile List<TraceDetail.Phase> planPhases = List.of();

  SqlPreparedQuery(SqlStatement statement, List<DataType> declaredTypes,
      QueryPlanner.PreparedPlan plan, List<ResultColumn> resultColumns) {
    this.statement = statement;
    this.declaredTypes = declaredTypes;
    this.plan = plan;
    this.parameterTypes = plan == null ? List.of() : plan.parameters().types();
    this.resultColumns = resultColumns;
  }

  @Override
  public SqlStatement statement() {
    return statement;
  }

  List<DataType> declaredTypes() {
    return declaredTypes;
  }

  QueryPlanner.PreparedPlan plan() {
    return plan;
  }

  void replan(QueryPlanner.PreparedPlan newPlan) {
    this.plan = newPlan;
  }

  @Override
  public List<DataType> parameterTypes() {
    return parameterTypes;
  }

  @Override
  public List<ResultColumn> resultColumns() {
    return resultColumns;
  }

  /**
   * Records how preparing went, as the phases before the statement's first execution: parse,
   * validate and optimize, or parse and a plan cache hit, or parse and prepare for statements
   * without a plan; each starts where the next one's offset minus its length puts it, the
   * last ending where execution starts.
   *
   * @param parseNanos parsing the statement out of its query string
   * @param prepareNanos all of preparing, planning included
   */
  void planned(long parseNanos, long prepareNanos) {
    List<TraceDetail.Phase> phases = new ArrayList<>();
    PlanTimings timings = plan == null ? null : plan.timings();
    if (timings == null) {
      phases.add(new TraceDetail.Phase("parse", 0, parseNanos));
      phases.add(new TraceDetail.Phase("prepare", 0, prepareNanos));
    } else if (timings.cached()) {
      phases.add(new TraceDetail.Phase("parse", 0, parseNanos));
      phases.add(new TraceDetail.Phase("plan cache hit", 0, prepareNanos));
    } else {
      long rest = Math.max(0, prepareNanos - timings.parseNanos() - timings.validateNanos()
          - timings.optimizeNanos());
      phases.add(new TraceDetail.Phase("parse", 0, parseNanos + timings.parseNanos()));
      phases.add(new TraceDetail.Phase("validate", 0, timings.validateNanos() + rest));
      phases.add(new TraceDetail.Phase("optimize", 0, timings.optimizeNanos()));
    }
    long end = 0;
    List<TraceDetail.Phase> placed = new ArrayList<>();
    for (TraceDetail.Phase phase : phases.reversed()) {
      end -= phase.nanos();
      placed.addFirst(new TraceDetail.Phase(phase.name(), end, phase.nanos()));
    }
    planPhases = placed;
  }

  /**
   * The phases of preparing, once: a statement prepared once and executed many times plans
   * only before its first execution.
   */
  List<TraceDetail.Phase> takePlanPhases() {
    List<TraceDetail.Phase> phases = planPhases;
    planPhases = List.of();
    return phases;
  }
}
