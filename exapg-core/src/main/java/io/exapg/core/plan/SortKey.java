package io.exapg.core.plan;

import java.io.Serializable;

/** One ORDER BY key over an input column. */
public record SortKey(int column, boolean descending, boolean nullsFirst) implements Serializable {
  @Override
  public String toString() {
    return "$" + column + (descending ? " DESC" : "") + (nullsFirst ? " NULLS FIRST" : "");
  }
}
