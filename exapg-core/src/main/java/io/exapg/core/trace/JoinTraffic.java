package io.exapg.core.trace;

import java.util.List;

/**
 * The rows of hash joins between two tables' columns, and the bytes a cluster would move to
 * run them with the tables' current DISTRIBUTE BY keys: nothing when both sides are
 * distributed by their join keys, else the sides that are not.
 *
 * @param key the two sides' join key columns, in a canonical order
 * @param joins hash joins counted
 * @param leftRows rows that entered from the first side's table
 * @param rightRows rows that entered from the second side's table
 * @param movedBytes estimated bytes redistributed between nodes
 */
public record JoinTraffic(Key key, long joins, long leftRows, long rightRows, long leftBytes,
    long rightBytes, long movedBytes) {
  /** Two tables' join key columns; left is the one with the smaller (table, column) first. */
  public record Key(List<ColumnRef> left, List<ColumnRef> right) {
    public Key {
      left = List.copyOf(left);
      right = List.copyOf(right);
    }
  }

  public JoinTraffic plus(JoinTraffic other) {
    return new JoinTraffic(key, joins + other.joins, leftRows + other.leftRows,
        rightRows + other.rightRows, leftBytes + other.leftBytes, rightBytes + other.rightBytes,
        movedBytes + other.movedBytes);
  }
}
