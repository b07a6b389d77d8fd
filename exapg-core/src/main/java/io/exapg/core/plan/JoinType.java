package io.exapg.core.plan;

/**
 * Join semantics, from the hash join's point of view: LEFT keeps unmatched probe rows, RIGHT
 * unmatched build rows, FULL both; SEMI and ANTI output only the probe side's columns,
 * RIGHT_SEMI and RIGHT_ANTI only the build side's: its rows that some probe row matched, or
 * that none did. The right variants let the smaller side be built when the rows to keep are
 * on it.
 */
public enum JoinType {
  INNER,
  LEFT,
  RIGHT,
  FULL,
  SEMI,
  ANTI,
  RIGHT_SEMI,
  RIGHT_ANTI;

  /** Whether the probe side's rows are joined to build rows, not only checked. */
  public boolean marksBuildRows() {
    return this == RIGHT || this == FULL || this == RIGHT_SEMI || this == RIGHT_ANTI;
  }
}
