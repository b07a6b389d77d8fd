package io.exapg.planner.plan;

import io.exapg.core.type.DataType;
import io.exapg.core.type.TypeId;

/**
 * Join keys are compared in their stored representation, so both sides of a key must share
 * one: the same decimal scale, strings without trailing-blank semantics, and so on.
 */
public final class JoinKeyTypes {
  private JoinKeyTypes() {
  }

  /** The type both sides of a key are compared in. */
  public static DataType common(DataType left, DataType right) {
    if (left.equals(right) && left.id() != TypeId.CHAR) {
      return left;
    }
    if (left.isString() && right.isString()) {
      return DataType.TEXT;
    }
    if (left.isNumeric() && right.isNumeric()) {
      if (left.id() == TypeId.REAL || left.id() == TypeId.DOUBLE || right.id() == TypeId.REAL
          || right.id() == TypeId.DOUBLE) {
        return DataType.DOUBLE;
      }
      if (left.id() == TypeId.DECIMAL || right.id() == TypeId.DECIMAL) {
        int scale = Math.max(left.decimalScale(), right.decimalScale());
        return DataType.decimal(DataType.MAX_DECIMAL_PRECISION, scale);
      }
      return left.id() == TypeId.BIGINT || right.id() == TypeId.BIGINT ? DataType.BIGINT
          : left.id() == TypeId.INTEGER || right.id() == TypeId.INTEGER ? DataType.INTEGER
          : DataType.SMALLINT;
    }
    if (left.isDatetime() && right.isDatetime()) {
      return left.id() == TypeId.DATE && right.id() == TypeId.DATE ? DataType.DATE
          : DataType.TIMESTAMP;
    }
    return left;
  }

  /** Whether values of the two types are equal exactly when their stored forms are. */
  static boolean sameRepresentation(DataType type, DataType common) {
    if (type.id() == TypeId.CHAR) {
      return false;
    }
    if (type.isString() && common.isString()) {
      return true;
    }
    if (common.id() == TypeId.BIGINT || common.id() == TypeId.INTEGER
        || common.id() == TypeId.SMALLINT) {
      return type.id() == TypeId.SMALLINT || type.id() == TypeId.INTEGER
          || type.id() == TypeId.BIGINT;
    }
    if (common.id() == TypeId.DECIMAL) {
      return type.id() == TypeId.DECIMAL && type.scale() == common.scale();
    }
    if (common.id() == TypeId.TIMESTAMP) {
      return type.id() == TypeId.TIMESTAMP;
    }
    return type.equals(common);
  }
}
