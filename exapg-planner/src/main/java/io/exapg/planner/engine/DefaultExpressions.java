package io.exapg.planner.engine;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.core.expr.Call;
import io.exapg.core.expr.ColumnRef;
import io.exapg.core.expr.Expr;
import io.exapg.core.plan.PlanNode;
import io.exapg.core.plan.ProjectNode;
import io.exapg.core.plan.ValuesNode;
import io.exapg.core.type.DataType;
import io.exapg.planner.QueryPlanner;
import io.exapg.planner.parser.ExaParser;
import io.exapg.planner.parser.StatementSplitter;
import io.exapg.planner.plan.PlanBuilder;
import java.util.List;
import org.apache.calcite.sql.SqlNode;

/**
 * Column DEFAULT expressions: kept as the SQL text they were written as, checked when they
 * are declared by planning {@code SELECT CAST((expression) AS type)}, which also gives the
 * value a new column takes in the rows a table already has.
 */
final class DefaultExpressions {
  private DefaultExpressions() {
  }

  /** The expression's text in the statement that declares it. */
  static String text(StatementSplitter.Piece piece, SqlNode expression) {
    return ExaParser.sourceText(piece, expression);
  }

  /**
   * The expression as a physical expression with no input (evaluated once per row it fills);
   * fails as planning the query would (42703 for a column reference, 42883, ...).
   */
  static Expr plan(SqlEngine engine, SqlSession session, String text, DataType type) {
    StatementSplitter.Piece query = new StatementSplitter.Piece(
        "SELECT CAST((" + text + ") AS " + type.sqlName() + ")", 0, List.of());
    QueryPlanner.PreparedPlan plan;
    try {
      plan = engine.planner().plan(() -> ExaParser.parse(query), query, List.of(),
          session.searchPath());
    } catch (ExaException e) {
      if (e.state() == SqlState.UNDEFINED_COLUMN) {
        throw ExaException.notSupported("column references in DEFAULT expressions"
            + " (cannot use column reference in DEFAULT expression)");
      }
      throw e;
    }
    PlanNode node = new PlanBuilder(plan.rexBuilder(), plan.parameters(), new Object[0],
        session.statementContext()).build(plan.physical());
    if (node instanceof ValuesNode values && values.rows().size() == 1) {
      return values.rows().get(0).get(0);
    }
    if (node instanceof ProjectNode project && project.input() instanceof ValuesNode input
        && input.rows().size() == 1 && !readsColumns(project.expressions().get(0))) {
      return project.expressions().get(0);
    }
    throw ExaException.notSupported("this DEFAULT expression (" + text + ")");
  }

  private static boolean readsColumns(Expr expr) {
    return expr instanceof ColumnRef
        || expr instanceof Call call && call.arguments().stream()
            .anyMatch(DefaultExpressions::readsColumns);
  }
}
