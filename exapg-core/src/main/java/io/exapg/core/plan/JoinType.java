package io.exapg.core.plan;

/** Join semantics; SEMI and ANTI output only the probe (left) side's columns. */
public enum JoinType {
  INNER,
  LEFT,
  FULL,
  SEMI,
  ANTI
}
