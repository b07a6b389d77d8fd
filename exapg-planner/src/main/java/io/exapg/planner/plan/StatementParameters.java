package io.exapg.planner.plan;

import io.exapg.core.type.DataType;
import java.util.List;

/**
 * A statement's parameters: their types by number ($1 is 0), and for each "?" marker in the
 * parsed text, in order, the parameter number it stands for.
 */
public record StatementParameters(List<Integer> markers, List<DataType> types) {
  public static final StatementParameters NONE = new StatementParameters(List.of(), List.of());

  public StatementParameters {
    markers = List.copyOf(markers);
    types = List.copyOf(types);
  }

  /** The parameter number of a "?" marker, by its position among the markers. */
  public int indexOf(int marker) {
    return markers.get(marker);
  }

  public DataType type(int index) {
    return types.get(index);
  }

  public int count() {
    return types.size();
  }
}
