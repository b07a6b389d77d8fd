package io.exapg.core.plan;

/** The aggregate functions the hash aggregate computes. */
public enum AggregateFunction {
  COUNT_STAR,
  COUNT,
  SUM,
  /** SUM that returns 0 instead of NULL over no rows (planner rewrites produce it). */
  SUM0,
  AVG,
  MIN,
  MAX,
  /** The only value of a scalar subquery; more than one row is an error. */
  SINGLE_VALUE,
  /** Any one value of the group. */
  ANY_VALUE,
  BOOL_AND,
  BOOL_OR,
  /** The group's values (NULLs included) as an array. */
  ARRAY_AGG,
  /** The group's non-null texts joined by a constant delimiter; NULL when there are none. */
  STRING_AGG
}
