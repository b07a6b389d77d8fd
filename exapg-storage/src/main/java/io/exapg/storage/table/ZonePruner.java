package io.exapg.storage.table;

import io.exapg.core.exec.source.Constants;
import io.exapg.core.expr.Expr;
import io.exapg.core.plan.ScanPredicate;
import io.exapg.core.type.PhysicalType;
import io.exapg.storage.format.ZoneMap;
import java.util.Arrays;
import java.util.List;

/** Decides from zone maps whether a chunk can hold any row a scan's predicates accept. */
final class ZonePruner {
  private ZonePruner() {
  }

  /** Whether rows of the chunk may satisfy the predicate; false means the chunk is skipped. */
  static boolean mayMatch(ScanPredicate predicate, ZoneMap zone, PhysicalType type,
      Object[] parameters) {
    switch (predicate.op()) {
      case IS_NULL:
        return zone.nullCount() > 0;
      case IS_NOT_NULL:
        return !zone.allNull();
      default:
        break;
    }
    if (zone.allNull()) {
      return false;
    }
    if (!zone.hasRange()) {
      return true;
    }
    List<Expr> values = predicate.values();
    if (predicate.op() == ScanPredicate.Op.IN) {
      for (Expr value : values) {
        Object v = Constants.value(value, parameters);
        if (v != null && compare(v, zone, type, true) >= 0 && compare(v, zone, type, false) <= 0) {
          return true;
        }
      }
      return false;
    }
    Object v = Constants.value(values.get(0), parameters);
    if (v == null) {
      return false;
    }
    int toMin = compare(v, zone, type, true);
    int toMax = compare(v, zone, type, false);
    return switch (predicate.op()) {
      case EQUAL -> toMin >= 0 && toMax <= 0;
      case LESS_THAN -> toMin > 0;
      case LESS_THAN_OR_EQUAL -> toMin >= 0;
      case GREATER_THAN -> toMax < 0;
      case GREATER_THAN_OR_EQUAL -> toMax <= 0;
      default -> true;
    };
  }

  /** Compares a constant to the zone's minimum (or maximum). */
  private static int compare(Object value, ZoneMap zone, PhysicalType type, boolean minimum) {
    switch (type) {
      case VARBINARY:
        byte[] bytes = PhysicalType.storedBytes(value);
        return Arrays.compareUnsigned(bytes, minimum ? zone.minBytes() : zone.maxBytes());
      case FLOAT32:
      case FLOAT64:
        return Double.compare(((Number) value).doubleValue(),
            minimum ? zone.minDouble() : zone.maxDouble());
      default:
        long v = value instanceof Boolean b ? (b ? 1 : 0) : ((Number) value).longValue();
        return Long.compare(v, minimum ? zone.minLong() : zone.maxLong());
    }
  }
}
