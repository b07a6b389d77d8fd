package io.exapg.core.expr;

import io.exapg.core.type.DataType;
import java.io.Serializable;

/**
 * A scalar expression over the columns of a batch: an immutable, serializable description
 * with no planner types in it. {@link ExpressionCompiler} turns expressions into code.
 */
public sealed interface Expr extends Serializable permits ColumnRef, Literal, Parameter, Call {
  DataType type();
}
