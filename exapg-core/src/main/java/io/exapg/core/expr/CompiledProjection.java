package io.exapg.core.expr;

import io.exapg.core.batch.Batch;
import org.apache.arrow.vector.FieldVector;

/**
 * Generated code that evaluates a list of expressions over a batch. It writes each result at
 * the same row position as its input row, so the output keeps the input's selection vector.
 * Instances keep scratch state: use one per thread.
 */
public interface CompiledProjection {
  /** Evaluates the expressions at the live rows; outputs[k] is allocated for rowCount rows. */
  void evaluate(Batch input, FieldVector[] outputs, Object[] parameters);
}
