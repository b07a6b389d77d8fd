package io.exapg.core.trace;

import java.util.List;
import java.util.Map;

/**
 * What a statement did with stored tables, for the hotspot views and the layout
 * recommendations: chunk reads per column, zone-map use per filtered column, and hash join
 * traffic per pair of join key columns.
 */
public record TableActivity(Map<ColumnRef, IoCounters> columnIo,
    Map<ColumnRef, ColumnFilter> filters, List<JoinTraffic> joins) {
  public static final TableActivity NONE = new TableActivity(Map.of(), Map.of(), List.of());

  public TableActivity {
    columnIo = Map.copyOf(columnIo);
    filters = Map.copyOf(filters);
    joins = List.copyOf(joins);
  }
}
