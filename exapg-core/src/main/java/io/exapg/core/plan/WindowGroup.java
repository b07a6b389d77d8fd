package io.exapg.core.plan;

import java.io.Serializable;
import java.util.List;

/**
 * Window functions that share a PARTITION BY, an ORDER BY and a frame.
 *
 * @param rows whether the frame counts rows (ROWS) or peer groups of equal order keys (RANGE)
 */
public record WindowGroup(List<Integer> partitionKeys, List<SortKey> orderKeys, boolean rows,
    FrameBound lower, FrameBound upper, List<WindowCall> calls) implements Serializable {
  public WindowGroup {
    partitionKeys = List.copyOf(partitionKeys);
    orderKeys = List.copyOf(orderKeys);
    calls = List.copyOf(calls);
  }

  /** Where a frame starts or ends relative to the current row. */
  public enum BoundKind {
    UNBOUNDED_PRECEDING,
    PRECEDING,
    CURRENT_ROW,
    FOLLOWING,
    UNBOUNDED_FOLLOWING
  }

  /** @param offset rows before or after the current one, for PRECEDING and FOLLOWING */
  public record FrameBound(BoundKind kind, long offset) implements Serializable {
    @Override
    public String toString() {
      return switch (kind) {
        case UNBOUNDED_PRECEDING -> "unbounded preceding";
        case PRECEDING -> offset + " preceding";
        case CURRENT_ROW -> "current row";
        case FOLLOWING -> offset + " following";
        case UNBOUNDED_FOLLOWING -> "unbounded following";
      };
    }
  }

  @Override
  public String toString() {
    return "partition=" + partitionKeys + " order=" + orderKeys + " " + (rows ? "rows" : "range")
        + " between " + lower + " and " + upper + " " + calls;
  }
}
