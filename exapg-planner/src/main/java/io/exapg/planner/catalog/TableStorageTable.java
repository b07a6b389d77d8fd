package io.exapg.planner.catalog;

import io.exapg.core.type.DataType;
import io.exapg.storage.StorageEngine;
import io.exapg.storage.catalog.TableDef;
import io.exapg.storage.table.StorageStatistics;
import io.exapg.storage.table.TableSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * exa_table_storage: per table, its segment files, rows stored, rows deleted but not yet
 * purged by compaction, rows still in the insert buffer, and bytes on disk.
 */
final class TableStorageTable extends SystemTable {
  static final String NAME = "exa_table_storage";

  private final StorageEngine storage;

  TableStorageTable(StorageEngine storage) {
    super(List.of("schema_name", "table_name", "segments", "row_count", "deleted_rows",
        "buffered_rows", "stored_bytes"), List.of(DataType.TEXT, DataType.TEXT, DataType.BIGINT,
        DataType.BIGINT, DataType.BIGINT, DataType.BIGINT, DataType.BIGINT));
    this.storage = storage;
  }

  @Override
  public List<List<Object>> rows() {
    List<List<Object>> rows = new ArrayList<>();
    for (TableDef table : storage.catalog().tables()) {
      TableSnapshot snapshot = storage.snapshot(table.id());
      if (snapshot == null) {
        continue;
      }
      StorageStatistics.TableStats stats = StorageStatistics.table(snapshot);
      rows.add(List.of(table.schema(), table.name(), (long) stats.segments(), stats.rows(),
          stats.deletedRows(), stats.bufferedRows(), stats.storedBytes()));
    }
    return rows;
  }
}
