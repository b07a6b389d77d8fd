package io.exapg.core.engine;

/** A statement that passed the parser; the engine decides what it holds. */
public interface ParsedStatement {
  /** The statement's own text. */
  String sql();

  /** The command name, e.g. "SELECT", "INSERT", "CREATE TABLE". */
  String commandName();
}
