package io.exapg.planner.catalog.pg;

import io.exapg.core.type.DataType;
import io.exapg.planner.catalog.SystemTable;
import io.exapg.storage.StorageEngine;
import java.util.List;

/** pg_description: the comments COMMENT ON put on schemas, tables, views and columns. */
final class PgDescriptionTable extends SystemTable {
  private final StorageEngine storage;

  PgDescriptionTable(StorageEngine storage) {
    super(new Columns()
        .add("objoid", DataType.INTEGER)
        .add("classoid", DataType.INTEGER)
        .add("objsubid", DataType.INTEGER)
        .add("description", DataType.TEXT));
    this.storage = storage;
  }

  @Override
  public List<List<Object>> rows() {
    return PgComments.of(storage.catalog()).rows();
  }
}
