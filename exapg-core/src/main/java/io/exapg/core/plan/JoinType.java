package io.exapg.core.plan;

/**
 * Join semantics; SEMI and ANTI output only the probe side's columns, RIGHT_SEMI and
 * RIGHT_ANTI only the build side's: its rows that some probe row matched, or that none did.
 * The right variants let the smaller side be built when the rows to keep are on it.
 */
public enum JoinType {
  INNER,
  LEFT,
  FULL,
  SEMI,
  ANTI,
  RIGHT_SEMI,
  RIGHT_ANTI;

  /** Whether the probe side's rows are joined to build rows, not only checked. */
  public boolean marksBuildRows() {
    return this == FULL || this == RIGHT_SEMI || this == RIGHT_ANTI;
  }
}
