package io.exapg.core.exec;

import io.exapg.core.plan.PlanNode;
import io.exapg.core.plan.ScanNode;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counters of one query's execution, per operator and, for I/O, per scan, for EXPLAIN ANALYZE
 * and its trace.
 */
public final class QueryStatistics {
  private final Map<ScanNode, ScanStatistics> scans = new IdentityHashMap<>();
  private final Map<PlanNode, OperatorStatistics> operators = new IdentityHashMap<>();

  /** The counters of one operator of the plan (the same node always gets the same ones). */
  public synchronized OperatorStatistics operator(PlanNode node) {
    return operators.computeIfAbsent(node, n -> new OperatorStatistics());
  }

  /** The counters of an operator, or null if it did not run. */
  public synchronized OperatorStatistics operatorOf(PlanNode node) {
    return operators.get(node);
  }

  /** The counters of one scan of the plan (the same node always gets the same ones). */
  public synchronized ScanStatistics scan(ScanNode node) {
    return scans.computeIfAbsent(node, n -> new ScanStatistics());
  }

  /** The counters of a scan, or null if it did not run. */
  public synchronized ScanStatistics of(ScanNode node) {
    return scans.get(node);
  }

  public synchronized List<ScanStatistics> all() {
    return new ArrayList<>(scans.values());
  }

  /** Each scan that ran with its counters. */
  public synchronized Map<ScanNode, ScanStatistics> scans() {
    return new IdentityHashMap<>(scans);
  }
}
