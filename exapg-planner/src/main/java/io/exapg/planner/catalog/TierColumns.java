package io.exapg.planner.catalog;

import io.exapg.core.exec.IoTier;
import io.exapg.core.trace.IoCounters;
import io.exapg.core.type.DataType;
import java.util.List;

/**
 * The six I/O columns the trace views share: chunk reads and bytes from Tier 1 (ExaPG's chunk
 * cache), Tier 2 (the operating system's page cache) and Tier 3 (the device).
 */
final class TierColumns {
  private TierColumns() {
  }

  static SystemTable.Columns add(SystemTable.Columns columns) {
    return columns
        .add("tier1_reads", DataType.BIGINT)
        .add("tier2_reads", DataType.BIGINT)
        .add("tier3_reads", DataType.BIGINT)
        .add("tier1_bytes", DataType.BIGINT)
        .add("tier2_bytes", DataType.BIGINT)
        .add("tier3_bytes", DataType.BIGINT);
  }

  static void values(List<Object> row, IoCounters io) {
    for (IoTier tier : IoTier.values()) {
      row.add(io.reads(tier));
    }
    for (IoTier tier : IoTier.values()) {
      row.add(io.bytes(tier));
    }
  }
}
