package io.exapg.planner.engine;

import io.exapg.core.engine.PreparedQuery;
import io.exapg.core.engine.ResultColumn;
import io.exapg.core.type.DataType;
import io.exapg.planner.QueryPlanner;
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
  private volatile long planNanos;

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

  /** How long preparing took: parsing the statement further, validating and optimizing. */
  long planNanos() {
    return planNanos;
  }

  void planNanos(long nanos) {
    planNanos = nanos;
  }
}
