package io.exapg.planner.plan;

import io.exapg.core.error.ExaException;
import io.exapg.core.error.SqlState;
import io.exapg.core.expr.Literal;
import io.exapg.core.plan.SortKey;
import io.exapg.core.plan.WindowCall;
import io.exapg.core.plan.WindowFunction;
import io.exapg.core.plan.WindowGroup;
import io.exapg.core.plan.WindowGroup.BoundKind;
import io.exapg.core.plan.WindowGroup.FrameBound;
import io.exapg.core.type.DataType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexWindowBound;
import org.apache.calcite.rex.RexWindowExclusion;

/**
 * Translates the groups of a Calcite window into the engine's window groups. Function
 * arguments that are constants (NTILE's buckets, LAG's offset and default, frame offsets)
 * refer to the window's constants, numbered after the input's columns.
 */
final class WindowTranslator {
  private final List<DataType> inputTypes;
  private final List<RexLiteral> constants;

  WindowTranslator(List<DataType> inputTypes, List<RexLiteral> constants) {
    this.inputTypes = inputTypes;
    this.constants = constants;
  }

  WindowGroup group(Window.Group group, List<SortKey> orderKeys) {
    if (group.exclude != RexWindowExclusion.EXCLUDE_NO_OTHER) {
      throw ExaException.notSupported("frame exclusion (EXCLUDE)");
    }
    boolean rows = group.isRows;
    FrameBound lower = bound(group.lowerBound, rows, orderKeys);
    FrameBound upper = bound(group.upperBound, rows, orderKeys);
    List<WindowCall> calls = new ArrayList<>();
    for (Window.RexWinAggCall call : group.aggCalls) {
      calls.add(call(call));
    }
    return new WindowGroup(group.keys.asList(), orderKeys, rows, lower, upper, calls);
  }

  private FrameBound bound(RexWindowBound bound, boolean rows, List<SortKey> orderKeys) {
    if (bound.isUnbounded()) {
      return new FrameBound(bound.isPreceding() ? BoundKind.UNBOUNDED_PRECEDING
          : BoundKind.UNBOUNDED_FOLLOWING, 0);
    }
    if (bound.isCurrentRow()) {
      return new FrameBound(BoundKind.CURRENT_ROW, 0);
    }
    RexLiteral offset = constant(bound.getOffset(), "a frame offset");
    BoundKind kind = bound.isPreceding() ? BoundKind.PRECEDING : BoundKind.FOLLOWING;
    BigDecimal value = offset.getValueAs(BigDecimal.class);
    if (value == null || value.signum() < 0) {
      throw new ExaException(SqlState.INVALID_PRECEDING_OR_FOLLOWING_SIZE,
          "frame starting or ending offset must not be negative or null");
    }
    if (rows) {
      return new FrameBound(kind, value.longValueExact());
    }
    if (orderKeys.size() != 1) {
      throw new ExaException(SqlState.WINDOWING_ERROR,
          "RANGE with offset PRECEDING/FOLLOWING requires exactly one ORDER BY column");
    }
    DataType keyType = inputTypes.get(orderKeys.get(0).column());
    if (!keyType.isExactNumeric() || !ExprTranslator.typeOf(offset.getType()).isExactNumeric()) {
      throw ExaException.notSupported("RANGE with an offset over a column of type "
          + keyType.sqlName() + " (ROWS frames, and RANGE over integer and decimal columns"
          + " are supported)");
    }
    BigDecimal scaled = value.movePointRight(keyType.decimalScale());
    if (scaled.stripTrailingZeros().scale() > 0) {
      throw ExaException.notSupported("a RANGE offset with more decimal places than its"
          + " column");
    }
    return new FrameBound(kind, scaled.longValueExact());
  }

  private WindowCall call(Window.RexWinAggCall call) {
    if (call.distinct) {
      throw ExaException.notSupported("DISTINCT in window functions");
    }
    if (call.ignoreNulls) {
      throw ExaException.notSupported("IGNORE NULLS in window functions");
    }
    List<RexNode> operands = call.getOperands();
    DataType resultType = ExprTranslator.typeOf(call.getType());
    String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
    WindowFunction function = switch (call.getKind()) {
      case ROW_NUMBER -> WindowFunction.ROW_NUMBER;
      case RANK -> WindowFunction.RANK;
      case DENSE_RANK -> WindowFunction.DENSE_RANK;
      case PERCENT_RANK -> WindowFunction.PERCENT_RANK;
      case CUME_DIST -> WindowFunction.CUME_DIST;
      case NTILE -> WindowFunction.NTILE;
      case LAG -> WindowFunction.LAG;
      case LEAD -> WindowFunction.LEAD;
      case FIRST_VALUE -> WindowFunction.FIRST_VALUE;
      case LAST_VALUE -> WindowFunction.LAST_VALUE;
      case NTH_VALUE -> WindowFunction.NTH_VALUE;
      case COUNT -> operands.isEmpty() ? WindowFunction.COUNT_STAR : WindowFunction.COUNT;
      case SUM -> WindowFunction.SUM;
      case SUM0 -> WindowFunction.SUM0;
      case AVG -> WindowFunction.AVG;
      case MIN -> WindowFunction.MIN;
      case MAX -> WindowFunction.MAX;
      default -> throw ExaException.notSupported("window function " + name.toLowerCase(
          Locale.ROOT));
    };
    if (function == WindowFunction.COUNT && operands.size() > 1) {
      throw ExaException.notSupported("COUNT over several columns in a window");
    }
    int argument = -1;
    DataType argumentType = null;
    long constant = 0;
    Literal defaultValue = null;
    switch (function) {
      case NTILE -> constant = constantLong(operands.get(0), "NTILE's argument");
      case LAG, LEAD -> {
        argument = column(operands.get(0), name);
        constant = operands.size() > 1 ? constantLong(operands.get(1), name + "'s offset") : 1;
        if (operands.size() > 2) {
          defaultValue = PlanBuilder.convert(ExprTranslator.literal(
              constant(operands.get(2), name + "'s default")), resultType);
        }
      }
      case NTH_VALUE -> {
        argument = column(operands.get(0), name);
        constant = constantLong(operands.get(1), "NTH_VALUE's position");
      }
      case ROW_NUMBER, RANK, DENSE_RANK, PERCENT_RANK, CUME_DIST, COUNT_STAR -> {
      }
      default -> argument = column(operands.get(0), name);
    }
    if (argument >= 0) {
      argumentType = inputTypes.get(argument);
      if ((function == WindowFunction.SUM || function == WindowFunction.SUM0
          || function == WindowFunction.AVG) && !argumentType.isNumeric()) {
        throw ExaException.notSupported(name + " over " + argumentType.sqlName());
      }
    }
    return new WindowCall(function, argument, argumentType, resultType, constant, defaultValue);
  }

  private int column(RexNode operand, String function) {
    if (operand instanceof RexInputRef ref && ref.getIndex() < inputTypes.size()) {
      return ref.getIndex();
    }
    throw ExaException.notSupported(function.toLowerCase(Locale.ROOT)
        + " over a constant");
  }

  private RexLiteral constant(RexNode operand, String what) {
    if (operand instanceof RexLiteral literal) {
      return literal;
    }
    if (operand instanceof RexInputRef ref && ref.getIndex() >= inputTypes.size()) {
      return constants.get(ref.getIndex() - inputTypes.size());
    }
    throw ExaException.notSupported(what + " that is not a constant");
  }

  private long constantLong(RexNode operand, String what) {
    RexLiteral literal = constant(operand, what);
    Long value = literal.getValueAs(Long.class);
    if (value == null) {
      throw new ExaException(SqlState.NULL_VALUE_NOT_ALLOWED,
          what + " must not be null");
    }
    return value;
  }
}
