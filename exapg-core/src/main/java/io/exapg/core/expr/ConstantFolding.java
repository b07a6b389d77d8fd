package io.exapg.core.expr;

import io.exapg.core.batch.Batch;
import io.exapg.core.error.ExaException;
import io.exapg.core.type.DataType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Evaluates a call whose arguments are all literals once, when the plan is made, with the same
 * generated code that evaluates it over batches, so that {@code date '1994-01-01' + interval
 * '1' year} reaches a scan as the constant it is (and a zone-map predicate) instead of being
 * computed for every row. A call that fails (say, a division by zero) is left as it is, so the
 * error surfaces when the query runs, as it would without folding.
 */
public final class ConstantFolding {
  private static final BufferAllocator ALLOCATOR = new RootAllocator(1 << 20);

  private ConstantFolding() {
  }

  /**
   * The expression's value as a literal if it is a call over literals (after folding its
   * arguments); else the expression with its arguments folded.
   */
  public static Expr fold(Expr expr) {
    if (!(expr instanceof Call original) || original.function() == Function.RANDOM_UUID) {
      return expr;
    }
    List<Expr> arguments = original.arguments().stream().map(ConstantFolding::fold).toList();
    Call call = arguments.equals(original.arguments()) ? original
        : new Call(original.function(), arguments, original.type());
    for (Expr argument : call.arguments()) {
      if (!(argument instanceof Literal)) {
        return call;
      }
    }
    try {
      return evaluate(call);
    } catch (ExaException | ArithmeticException e) {
      return call;
    }
  }

  private static Literal evaluate(Call call) {
    DataType type = call.type();
    CompiledProjection projection = ExpressionCompiler.compileProjection(List.of(call),
        List.of()).newInstance();
    FieldVector[] outputs = new FieldVector[] {type.newVector("constant", ALLOCATOR)};
    try {
      outputs[0].allocateNew();
      projection.evaluate(Batch.of(new FieldVector[0], 1), outputs, new Object[0]);
      outputs[0].setValueCount(1);
      return new Literal(valueAt(outputs[0], type), type);
    } finally {
      outputs[0].close();
    }
  }

  /** Row 0 of a vector in the Java representation literals of the type use. */
  private static Object valueAt(FieldVector vector, DataType type) {
    if (BitVectorHelper.get(vector.getValidityBuffer(), 0) == 0) {
      return null;
    }
    ArrowBuf data = vector.getDataBuffer();
    return switch (type.id()) {
      case BOOLEAN -> BitVectorHelper.get(data, 0) != 0;
      case SMALLINT -> (int) data.getShort(0);
      case INTEGER, DATE -> data.getInt(0);
      case BIGINT, DECIMAL, TIMESTAMP -> data.getLong(0);
      case REAL -> data.getFloat(0);
      case DOUBLE -> data.getDouble(0);
      case BYTEA -> ((VarCharVector) vector).get(0);
      case VARCHAR, CHAR, ARRAY, UUID -> new String(((VarCharVector) vector).get(0),
          StandardCharsets.UTF_8);
    };
  }
}
