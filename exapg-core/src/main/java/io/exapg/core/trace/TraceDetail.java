package io.exapg.core.trace;

import java.util.List;

/**
 * The detail a traced statement keeps beyond its history row: its phases in order, and the
 * operators of each query it ran.
 *
 * @param phases each phase's name, start (nanoseconds after the statement's start; planning,
 *     done when the statement was prepared, starts before it) and length, in order
 * @param plans the operator trees of the statement's query executions
 */
public record TraceDetail(List<Phase> phases, List<OperatorTrace> plans) {
  public TraceDetail {
    phases = List.copyOf(phases);
    plans = List.copyOf(plans);
  }

  public record Phase(String name, long offsetNanos, long nanos) {
  }
}
