package io.exapg.planner.engine;

import io.exapg.core.engine.ParsedStatement;
import io.exapg.planner.parser.StatementSplitter;
import org.apache.calcite.sql.SqlNode;

/**
 * A parsed statement: its text, where it stood in the query string, its parse tree, and how
 * long parsing it took.
 */
record SqlStatement(StatementSplitter.Piece piece, SqlNode node, String commandName,
    long parseNanos) implements ParsedStatement {
  @Override
  public String sql() {
    return piece.text();
  }
}
