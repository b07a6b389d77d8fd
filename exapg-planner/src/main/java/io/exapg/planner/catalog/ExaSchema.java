package io.exapg.planner.catalog;

import com.google.common.collect.ImmutableMultimap;
import com.google.common.collect.Multimap;
import io.exapg.storage.StorageEngine;
import io.exapg.storage.catalog.TableDef;
import io.exapg.storage.catalog.ViewDef;
import io.exapg.storage.table.TableSnapshot;
import java.util.HashMap;
import java.util.Map;
import org.apache.calcite.schema.Function;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * One schema of the catalog as Calcite sees it. A second instance with row
 * ids serves DELETE and UPDATE, whose rewritten queries must name the rows they change.
 */
public final class ExaSchema extends AbstractSchema {
  private final StorageEngine storage;
  private final String name;
  private final boolean rowIds;

  public ExaSchema(StorageEngine storage, String name, boolean rowIds) {
    this.storage = storage;
    this.name = name;
    this.rowIds = rowIds;
  }

  @Override
  protected Map<String, Table> getTableMap() {
    Map<String, Table> tables = new HashMap<>();
    for (TableDef table : storage.catalog().tables()) {
      if (table.schema().equals(name)) {
        TableSnapshot snapshot = storage.snapshot(table.id());
        tables.put(table.name(), new ExaTable(table, snapshot == null ? 0 : snapshot.rowCount(),
            rowIds, storage.statistics().get(table.id())));
      }
    }
    if (!rowIds) {
      for (ViewDef view : storage.catalog().views()) {
        if (view.schema().equals(name)) {
          tables.put(view.name(), new ExaView(view));
        }
      }
    }
    return tables;
  }

  @Override
  protected Multimap<String, Function> getFunctionMultimap() {
    return ImmutableMultimap.of(GenerateSeriesFunction.NAME, new GenerateSeriesFunction());
  }
}
