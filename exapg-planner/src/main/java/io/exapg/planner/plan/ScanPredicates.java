package io.exapg.planner.plan;

import io.exapg.core.error.ExaException;
import io.exapg.core.expr.Expr;
import io.exapg.core.expr.Literal;
import io.exapg.core.expr.Parameter;
import io.exapg.core.plan.ScanPredicate;
import io.exapg.core.type.DataType;
import io.exapg.core.type.TypeId;
import io.exapg.planner.type.TypeMapping;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Picks out of a scan's filter condition the conjuncts that storage can decide: a column
 * compared with a constant of the column's own type, IN lists of such constants, IS [NOT]
 * NULL. The scan applies them with zone maps and, where exact, row by row.
 */
final class ScanPredicates {
  private ScanPredicates() {
  }

  /** The conjuncts the scan decides, and those a filter above it must still check. */
  record Split(List<ScanPredicate> predicates, List<RexNode> residual) {
  }

  /**
   * @param columnTypes the types of the scan's input fields (the table's columns)
   * @param columnCount fields from here on (the row id) are never scan predicates
   */
  static Split split(RexNode condition, List<DataType> columnTypes, int columnCount,
      ExprTranslator translator, RexBuilder rexBuilder) {
    List<ScanPredicate> predicates = new ArrayList<>();
    List<RexNode> residual = new ArrayList<>();
    RexNode expanded = RexUtil.expandSearch(rexBuilder, null, condition);
    for (RexNode conjunct : RelOptUtil.conjunctions(expanded)) {
      ScanPredicate predicate = single(conjunct, columnTypes, translator);
      if (predicate == null) {
        predicate = inList(conjunct, columnTypes, translator);
      }
      if (predicate != null && predicate.column() < columnCount) {
        predicates.add(predicate);
        if (!predicate.exact()) {
          residual.add(conjunct);
        }
      } else {
        residual.add(conjunct);
      }
    }
    return new Split(predicates, residual);
  }

  private static ScanPredicate single(RexNode node, List<DataType> types,
      ExprTranslator translator) {
    if (!(node instanceof RexCall call)) {
      return null;
    }
    SqlKind kind = call.getKind();
    if (kind == SqlKind.IS_NULL || kind == SqlKind.IS_NOT_NULL) {
      if (call.getOperands().get(0) instanceof RexInputRef ref) {
        return new ScanPredicate(ref.getIndex(), types.get(ref.getIndex()),
            kind == SqlKind.IS_NULL ? ScanPredicate.Op.IS_NULL : ScanPredicate.Op.IS_NOT_NULL,
            List.of());
      }
      return null;
    }
    if (call.getOperands().size() != 2) {
      return null;
    }
    ScanPredicate padded = charEquality(call, types);
    if (padded != null) {
      return padded;
    }
    RexNode left = columnOf(call.getOperands().get(0), types);
    RexNode right = columnOf(call.getOperands().get(1), types);
    boolean reversed = false;
    if (!(left instanceof RexInputRef) && right instanceof RexInputRef) {
      RexNode swap = left;
      left = right;
      right = swap;
      reversed = true;
    }
    if (!(left instanceof RexInputRef ref) || !isConstant(right)) {
      return null;
    }
    ScanPredicate.Op op = switch (kind) {
      case EQUALS -> ScanPredicate.Op.EQUAL;
      case LESS_THAN -> reversed ? ScanPredicate.Op.GREATER_THAN : ScanPredicate.Op.LESS_THAN;
      case LESS_THAN_OR_EQUAL -> reversed ? ScanPredicate.Op.GREATER_THAN_OR_EQUAL
          : ScanPredicate.Op.LESS_THAN_OR_EQUAL;
      case GREATER_THAN -> reversed ? ScanPredicate.Op.LESS_THAN : ScanPredicate.Op.GREATER_THAN;
      case GREATER_THAN_OR_EQUAL -> reversed ? ScanPredicate.Op.LESS_THAN_OR_EQUAL
          : ScanPredicate.Op.GREATER_THAN_OR_EQUAL;
      default -> null;
    };
    if (op == null) {
      return null;
    }
    Expr value = constantOfType(right, types.get(ref.getIndex()), translator);
    return value == null ? null
        : new ScanPredicate(ref.getIndex(), types.get(ref.getIndex()), op, List.of(value));
  }

  /**
   * {@code c = 'x'} or {@code CAST(c AS VARCHAR) = 'x'} over a CHAR(n) column c, which stores
   * its values padded with spaces to n characters: the same as c equal to 'x' padded, which
   * the scan decides on the stored bytes (and dictionaries). Only equality: padding does not
   * keep the order of values with characters below the space. Not for constants ending in a
   * space (which the trimmed values never equal) or longer than n.
   */
  private static ScanPredicate charEquality(RexCall call, List<DataType> types) {
    if (call.getKind() != SqlKind.EQUALS) {
      return null;
    }
    for (int side = 0; side < 2; side++) {
      RexNode operand = call.getOperands().get(side);
      RexNode constant = call.getOperands().get(1 - side);
      boolean cast = operand.getKind() == SqlKind.CAST;
      RexNode column = cast ? ((RexCall) operand).getOperands().get(0) : operand;
      if (!(column instanceof RexInputRef ref)
          || !(constant instanceof RexLiteral literal) || literal.isNull()) {
        continue;
      }
      DataType type = types.get(ref.getIndex());
      DataType to;
      try {
        to = TypeMapping.toDataType(operand.getType());
      } catch (ExaException e) {
        return null;
      }
      if (type.id() != TypeId.CHAR || to.id() != (cast ? TypeId.VARCHAR : TypeId.CHAR)
          || !SqlTypeName.CHAR_TYPES.contains(literal.getTypeName())) {
        return null;
      }
      String text = literal.getValueAs(String.class);
      if (text == null || text.endsWith(" ")) {
        return null;
      }
      int characters = text.codePointCount(0, text.length());
      if (characters > type.precision()) {
        return null;
      }
      String value = text + " ".repeat(type.precision() - characters);
      return new ScanPredicate(ref.getIndex(), type, ScanPredicate.Op.EQUAL,
          List.of(new Literal(value, type)));
    }
    return null;
  }

  /** OR of equalities between one column and constants. */
  private static ScanPredicate inList(RexNode node, List<DataType> types,
      ExprTranslator translator) {
    if (node.getKind() != SqlKind.OR) {
      return null;
    }
    Map<Integer, List<Expr>> byColumn = new HashMap<>();
    for (RexNode disjunct : RelOptUtil.disjunctions(node)) {
      ScanPredicate predicate = single(disjunct, types, translator);
      if (predicate == null || predicate.op() != ScanPredicate.Op.EQUAL) {
        return null;
      }
      byColumn.computeIfAbsent(predicate.column(), c -> new ArrayList<>())
          .addAll(predicate.values());
    }
    if (byColumn.size() != 1) {
      return null;
    }
    Map.Entry<Integer, List<Expr>> entry = byColumn.entrySet().iterator().next();
    return new ScanPredicate(entry.getKey(), types.get(entry.getKey()), ScanPredicate.Op.IN,
        entry.getValue());
  }

  /**
   * A column under a cast that keeps order and distinctness (a wider exact number, DATE to
   * TIMESTAMP) as the column itself, since comparing it with a constant the column's type
   * holds exactly gives the same answer; anything else as it is.
   */
  private static RexNode columnOf(RexNode node, List<DataType> types) {
    if (node.getKind() != SqlKind.CAST || !(((RexCall) node).getOperands().get(0)
        instanceof RexInputRef ref)) {
      return node;
    }
    DataType to;
    try {
      to = TypeMapping.toDataType(node.getType());
    } catch (ExaException e) {
      return node;
    }
    return widens(types.get(ref.getIndex()), to) ? ref : node;
  }

  private static boolean widens(DataType from, DataType to) {
    if (from.id() == TypeId.DATE) {
      return to.id() == TypeId.TIMESTAMP;
    }
    if (!isExact(from.id()) || !isExact(to.id())) {
      return false;
    }
    int fromScale = from.id() == TypeId.DECIMAL ? from.scale() : 0;
    int toScale = to.id() == TypeId.DECIMAL ? to.scale() : 0;
    return toScale >= fromScale
        && integerDigits(to) >= integerDigits(from);
  }

  private static boolean isExact(TypeId id) {
    return id == TypeId.SMALLINT || id == TypeId.INTEGER || id == TypeId.BIGINT
        || id == TypeId.DECIMAL;
  }

  /** Decimal digits left of the point a type holds in full. */
  private static int integerDigits(DataType type) {
    return switch (type.id()) {
      case SMALLINT -> 5;
      case INTEGER -> 10;
      case BIGINT -> 19;
      default -> type.precision() - type.scale();
    };
  }

  /** Literals, parameters, and calls over literals (folded into one when translated). */
  private static boolean isConstant(RexNode node) {
    RexNode stripped = RexUtil.removeCast(node);
    return stripped instanceof RexLiteral || stripped instanceof RexDynamicParam
        || stripped instanceof RexCall && RexUtil.isConstant(stripped);
  }

  /** The constant as a value of the column's type, or null if that needs a lossy change. */
  private static Expr constantOfType(RexNode node, DataType columnType,
      ExprTranslator translator) {
    if (columnType.id() == TypeId.CHAR) {
      return null;
    }
    Expr value = translator.translate(RexUtil.removeCast(node));
    if (!(value instanceof Literal) && !(value instanceof Parameter)) {
      return null;
    }
    if (value.type().equals(columnType)) {
      return value;
    }
    if (value instanceof Literal literal && literal.value() != null) {
      try {
        Literal converted = PlanBuilder.convert(literal, columnType);
        Literal back = PlanBuilder.convert(converted, literal.type());
        return back.value().equals(literal.value()) ? converted : null;
      } catch (RuntimeException e) {
        return null;
      }
    }
    if (value instanceof Parameter parameter && parameter.type().equals(columnType)) {
      return parameter;
    }
    return null;
  }
}
