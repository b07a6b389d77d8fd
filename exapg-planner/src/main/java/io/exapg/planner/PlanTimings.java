package io.exapg.planner;

/**
 * How long planning a statement took, by phase: parsing (again, from its text, with DML
 * rewritten into queries), validation against the catalog, and optimization (conversion to
 * relational algebra, rewrites and the cost-based search). A plan taken from the plan cache
 * reports the planning that made it, marked cached.
 */
public record PlanTimings(long parseNanos, long validateNanos, long optimizeNanos,
    boolean cached) {
  public PlanTimings asCached() {
    return new PlanTimings(parseNanos, validateNanos, optimizeNanos, true);
  }
}
