package io.exapg.planner.catalog;

import io.exapg.core.type.DataType;
import io.exapg.storage.StorageEngine;
import io.exapg.storage.catalog.TableDef;
import io.exapg.storage.table.StorageStatistics;
import io.exapg.storage.table.TableSnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * exa_tables: per table, its column count, its PARTITION BY and DISTRIBUTE BY clauses as
 * stored in the catalog, and how many partitions hold rows.
 */
final class TablesTable extends SystemTable {
  static final String NAME = "exa_tables";

  private final StorageEngine storage;

  TablesTable(StorageEngine storage) {
    super(List.of("schema_name", "table_name", "column_count", "partition_by", "distribute_by",
        "partitions"), List.of(DataType.TEXT, DataType.TEXT, DataType.INTEGER, DataType.TEXT,
        DataType.TEXT, DataType.BIGINT));
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
      TableDef current = snapshot.table();
      String partitionBy = current.partitioning() == null ? null
          : current.partitioning().describe(current.columns().get(current.partitionColumn())
              .type().scale());
      String distributeBy = current.distribution().isEmpty() ? null
          : String.join(", ", current.distribution());
      rows.add(Arrays.asList(current.schema(), current.name(), current.columns().size(),
          partitionBy, distributeBy, StorageStatistics.partitions(snapshot)));
    }
    return rows;
  }
}
