package io.exapg.planner.engine;

import io.exapg.core.engine.ParsedStatement;
import io.exapg.planner.parser.StatementSplitter;
import org.apache.calcite.sql.SqlNode;

/** A parsed statement: its text, where it stood in the query string, and its parse tree. */
record SqlStatement(StatementSplitter.Piece piece, SqlNode node, String commandName)
    implements ParsedStatement {
  @Override
  public String sql() {
    return piece.text();
  }
}
