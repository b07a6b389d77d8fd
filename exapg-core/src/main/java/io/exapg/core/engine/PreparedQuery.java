package io.exapg.core.engine;

import io.exapg.core.type.DataType;
import java.util.List;

/** A validated statement: what parameters it takes and what it returns. */
public interface PreparedQuery {
  ParsedStatement statement();

  List<DataType> parameterTypes();

  /** The result's columns, or null when the statement returns no rows. */
  List<ResultColumn> resultColumns();
}
