package io.exapg.planner.catalog;

import io.exapg.core.type.DataType;
import io.exapg.storage.StorageEngine;
import io.exapg.storage.catalog.TableDef;
import io.exapg.storage.table.StorageStatistics;
import io.exapg.storage.table.TableSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * exa_column_storage: per column of every table, the rows stored, their size uncompressed and
 * on disk, and the encodings in use.
 */
final class ColumnStorageTable extends SystemTable {
  static final String NAME = "exa_column_storage";

  private final StorageEngine storage;

  ColumnStorageTable(StorageEngine storage) {
    super(List.of("schema_name", "table_name", "column_name", "row_count", "raw_bytes",
        "stored_bytes", "encodings"), List.of(DataType.TEXT, DataType.TEXT, DataType.TEXT,
        DataType.BIGINT, DataType.BIGINT, DataType.BIGINT, DataType.TEXT));
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
      for (StorageStatistics.ColumnStats column : StorageStatistics.columns(snapshot)) {
        rows.add(List.of(table.schema(), table.name(), column.column(), column.rows(),
            column.rawBytes(), column.storedBytes(), column.encodings()));
      }
    }
    return rows;
  }
}
