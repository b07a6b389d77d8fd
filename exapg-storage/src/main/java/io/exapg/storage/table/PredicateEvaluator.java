package io.exapg.storage.table;

import io.exapg.core.exec.source.Constants;
import io.exapg.core.expr.Expr;
import io.exapg.core.plan.ScanPredicate;
import io.exapg.core.type.PhysicalType;
import io.exapg.storage.format.ColumnData;
import io.exapg.storage.format.StringDictionary;
import java.util.Arrays;
import java.util.List;

/**
 * Applies an exact scan predicate to rows: to decoded values, or for a dictionary-encoded
 * string chunk to each dictionary entry once, and then to the rows by their codes. Works on a
 * list of live positions, which it narrows in place.
 */
final class PredicateEvaluator {
  private final ScanPredicate predicate;
  private final boolean strings;
  private final long[] longs;
  private final byte[][] bytes;

  /** Binds the predicate's constants (parameters resolved); NULL constants match nothing. */
  PredicateEvaluator(ScanPredicate predicate, Object[] parameters) {
    this.predicate = predicate;
    this.strings = predicate.type().physical() == PhysicalType.VARBINARY;
    List<Expr> values = predicate.values();
    int n = 0;
    long[] longValues = new long[values.size()];
    byte[][] byteValues = new byte[values.size()][];
    for (Expr value : values) {
      Object v = Constants.value(value, parameters);
      if (v == null) {
        continue;
      }
      if (strings) {
        byteValues[n++] = PhysicalType.storedBytes(v);
      } else {
        longValues[n++] = v instanceof Boolean b ? (b ? 1 : 0) : ((Number) v).longValue();
      }
    }
    this.longs = Arrays.copyOf(longValues, n);
    this.bytes = Arrays.copyOf(byteValues, n);
  }

  /**
   * Keeps in live[0, count) the positions whose value (data row offset + position) passes;
   * returns how many are left.
   */
  int filter(ColumnData data, int offset, int[] live, int count) {
    boolean[] nulls = data.nulls();
    int kept = 0;
    switch (predicate.op()) {
      case IS_NULL, IS_NOT_NULL -> {
        boolean wantNull = predicate.op() == ScanPredicate.Op.IS_NULL;
        for (int j = 0; j < count; j++) {
          int row = offset + live[j];
          if ((nulls != null && nulls[row]) == wantNull) {
            live[kept++] = live[j];
          }
        }
        return kept;
      }
      default -> {
        if (longs.length == 0 && bytes.length == 0) {
          return 0;
        }
      }
    }
    if (strings) {
      byte[] b = data.bytes();
      int[] offsets = data.offsets();
      for (int j = 0; j < count; j++) {
        int row = offset + live[j];
        if ((nulls == null || !nulls[row])
            && matches(b, offsets[row], offsets[row + 1])) {
          live[kept++] = live[j];
        }
      }
      return kept;
    }
    long[] values = data.longs();
    if (predicate.op() != ScanPredicate.Op.IN) {
      return nulls == null ? compare(values, offset, live, count)
          : compareWithNulls(values, nulls, offset, live, count);
    }
    for (int j = 0; j < count; j++) {
      int row = offset + live[j];
      if ((nulls == null || !nulls[row]) && matches(values[row])) {
        live[kept++] = live[j];
      }
    }
    return kept;
  }

  /** As {@link #compare}, where a NULL never passes. */
  private int compareWithNulls(long[] values, boolean[] nulls, int offset, int[] live,
      int count) {
    long c = longs[0];
    int kept = 0;
    switch (predicate.op()) {
      case EQUAL -> {
        for (int j = 0; j < count; j++) {
          int row = offset + live[j];
          live[kept] = live[j];
          kept += !nulls[row] & values[row] == c ? 1 : 0;
        }
      }
      case LESS_THAN -> {
        for (int j = 0; j < count; j++) {
          int row = offset + live[j];
          live[kept] = live[j];
          kept += !nulls[row] & values[row] < c ? 1 : 0;
        }
      }
      case LESS_THAN_OR_EQUAL -> {
        for (int j = 0; j < count; j++) {
          int row = offset + live[j];
          live[kept] = live[j];
          kept += !nulls[row] & values[row] <= c ? 1 : 0;
        }
      }
      case GREATER_THAN -> {
        for (int j = 0; j < count; j++) {
          int row = offset + live[j];
          live[kept] = live[j];
          kept += !nulls[row] & values[row] > c ? 1 : 0;
        }
      }
      case GREATER_THAN_OR_EQUAL -> {
        for (int j = 0; j < count; j++) {
          int row = offset + live[j];
          live[kept] = live[j];
          kept += !nulls[row] & values[row] >= c ? 1 : 0;
        }
      }
      default -> throw new IllegalStateException(predicate.op().name());
    }
    return kept;
  }

  /**
   * The comparisons without NULLs, one loop per operator and without branches on the
   * outcome, since which rows pass is unpredictable.
   */
  private int compare(long[] values, int offset, int[] live, int count) {
    long c = longs[0];
    int kept = 0;
    switch (predicate.op()) {
      case EQUAL -> {
        for (int j = 0; j < count; j++) {
          int position = live[j];
          live[kept] = position;
          kept += values[offset + position] == c ? 1 : 0;
        }
      }
      case LESS_THAN -> {
        for (int j = 0; j < count; j++) {
          int position = live[j];
          live[kept] = position;
          kept += values[offset + position] < c ? 1 : 0;
        }
      }
      case LESS_THAN_OR_EQUAL -> {
        for (int j = 0; j < count; j++) {
          int position = live[j];
          live[kept] = position;
          kept += values[offset + position] <= c ? 1 : 0;
        }
      }
      case GREATER_THAN -> {
        for (int j = 0; j < count; j++) {
          int position = live[j];
          live[kept] = position;
          kept += values[offset + position] > c ? 1 : 0;
        }
      }
      case GREATER_THAN_OR_EQUAL -> {
        for (int j = 0; j < count; j++) {
          int position = live[j];
          live[kept] = position;
          kept += values[offset + position] >= c ? 1 : 0;
        }
      }
      default -> throw new IllegalStateException(predicate.op().name());
    }
    return kept;
  }

  /** The same over a dictionary chunk: each entry is checked once. */
  int filter(StringDictionary dictionary, int[] live, int count) {
    boolean[] entryMatches = new boolean[dictionary.size()];
    boolean any = false;
    for (int d = 0; d < dictionary.size(); d++) {
      entryMatches[d] = predicate.op() != ScanPredicate.Op.IS_NULL
          && (predicate.op() == ScanPredicate.Op.IS_NOT_NULL
          || matches(dictionary.entries(), dictionary.starts()[d], dictionary.starts()[d + 1]));
      any |= entryMatches[d];
    }
    boolean[] nulls = dictionary.nulls();
    long[] codes = dictionary.codes();
    boolean wantNull = predicate.op() == ScanPredicate.Op.IS_NULL;
    if (!any && !wantNull) {
      return 0;
    }
    int kept = 0;
    for (int j = 0; j < count; j++) {
      int row = live[j];
      live[kept] = row;
      kept += (nulls[row] ? wantNull : entryMatches[(int) codes[row]]) ? 1 : 0;
    }
    return kept;
  }

  private boolean matches(long value) {
    return switch (predicate.op()) {
      case EQUAL -> value == longs[0];
      case LESS_THAN -> value < longs[0];
      case LESS_THAN_OR_EQUAL -> value <= longs[0];
      case GREATER_THAN -> value > longs[0];
      case GREATER_THAN_OR_EQUAL -> value >= longs[0];
      case IN -> {
        for (long candidate : longs) {
          if (value == candidate) {
            yield true;
          }
        }
        yield false;
      }
      default -> true;
    };
  }

  private boolean matches(byte[] b, int from, int to) {
    if (predicate.op() == ScanPredicate.Op.IN) {
      for (byte[] candidate : bytes) {
        if (Arrays.equals(b, from, to, candidate, 0, candidate.length)) {
          return true;
        }
      }
      return false;
    }
    if (predicate.op() == ScanPredicate.Op.IS_NOT_NULL) {
      return true;
    }
    int order = Arrays.compareUnsigned(b, from, to, bytes[0], 0, bytes[0].length);
    return switch (predicate.op()) {
      case EQUAL -> order == 0;
      case LESS_THAN -> order < 0;
      case LESS_THAN_OR_EQUAL -> order <= 0;
      case GREATER_THAN -> order > 0;
      case GREATER_THAN_OR_EQUAL -> order >= 0;
      default -> true;
    };
  }
}
