package io.exapg.core.plan;

/** The order ARRAY_AGG puts its elements in: as they arrive, or sorted by their values. */
public enum ElementOrder {
  ARRIVAL,
  ASCENDING,
  DESCENDING
}
