package io.exapg.core.plan;

/** The functions a window operator computes over the rows of a partition. */
public enum WindowFunction {
  ROW_NUMBER,
  RANK,
  DENSE_RANK,
  PERCENT_RANK,
  CUME_DIST,
  NTILE,
  LAG,
  LEAD,
  FIRST_VALUE,
  LAST_VALUE,
  NTH_VALUE,
  COUNT_STAR,
  COUNT,
  SUM,
  /** SUM that returns 0 instead of NULL over no rows (the planner's rewrite of SUM uses it). */
  SUM0,
  AVG,
  MIN,
  MAX;

  /** Whether the result depends on the frame, not only on the partition and ordering. */
  public boolean usesFrame() {
    return switch (this) {
      case FIRST_VALUE, LAST_VALUE, NTH_VALUE, COUNT_STAR, COUNT, SUM, SUM0, AVG, MIN, MAX -> true;
      default -> false;
    };
  }
}
