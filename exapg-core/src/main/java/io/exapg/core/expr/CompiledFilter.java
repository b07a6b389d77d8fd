package io.exapg.core.expr;

import io.exapg.core.batch.Batch;

/** Generated code that evaluates a predicate; one instance per thread. */
public interface CompiledFilter {
  /**
   * Writes the positions of the live rows for which the predicate is true into selection, in
   * increasing order, and returns how many there are.
   */
  int filter(Batch input, int[] selection, Object[] parameters);
}
