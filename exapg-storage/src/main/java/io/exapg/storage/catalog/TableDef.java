package io.exapg.storage.catalog;

import io.exapg.core.type.DataType;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A table's definition; ids are never reused, so data files can be told apart by id.
 *
 * @param partitioning how rows are split into partitions, or null when they are not
 * @param distribution the columns whose hash places a row on a cluster node (DISTRIBUTE BY);
 *     empty when rows go round robin
 * @param indexes primary key, unique constraints and indexes
 */
public record TableDef(long id, String schema, String name, List<ColumnDef> columns,
    PartitionSpec partitioning, List<String> distribution, List<IndexDef> indexes) {
  public TableDef {
    columns = List.copyOf(columns);
    distribution = List.copyOf(distribution);
    indexes = List.copyOf(indexes);
  }

  public TableDef(long id, String schema, String name, List<ColumnDef> columns,
      PartitionSpec partitioning, List<String> distribution) {
    this(id, schema, name, columns, partitioning, distribution, List.of());
  }

  public TableDef(long id, String schema, String name, List<ColumnDef> columns) {
    this(id, schema, name, columns, null, List.of());
  }

  public TableDef withLayout(PartitionSpec newPartitioning, List<String> newDistribution) {
    return new TableDef(id, schema, name, columns, newPartitioning, newDistribution, indexes);
  }

  public TableDef withIndexes(List<IndexDef> newIndexes) {
    return new TableDef(id, schema, name, columns, partitioning, distribution, newIndexes);
  }

  public TableDef withName(String newName) {
    return new TableDef(id, schema, newName, columns, partitioning, distribution, indexes);
  }

  /** This table with a column renamed wherever the definition names it. */
  public TableDef withColumnRenamed(String column, String newName) {
    UnaryOperator<String> rename = name -> name.equals(column) ? newName : name;
    List<ColumnDef> renamed = columns.stream()
        .map(c -> new ColumnDef(rename.apply(c.name()), c.type(), c.nullable(),
            c.defaultValue())).toList();
    PartitionSpec newPartitioning = partitioning == null ? null
        : new PartitionSpec(rename.apply(partitioning.column()), partitioning.method(),
            partitioning.unit(), partitioning.width());
    List<IndexDef> newIndexes = indexes.stream().map(index -> new IndexDef(index.id(),
        index.name(), index.columns().stream().map(rename).toList(), index.unique(),
        index.primary(), index.constraint())).toList();
    return new TableDef(id, schema, name, renamed, newPartitioning,
        distribution.stream().map(rename).toList(), newIndexes);
  }

  /** The indexes whose keys must be unique (primary key, unique constraints and indexes). */
  public List<IndexDef> uniqueKeys() {
    return indexes.stream().filter(IndexDef::unique).toList();
  }

  /** The partition column's index, or -1 when the table is not partitioned. */
  public int partitionColumn() {
    return partitioning == null ? -1 : columnIndex(partitioning.column());
  }

  public List<DataType> columnTypes() {
    return columns.stream().map(ColumnDef::type).toList();
  }

  public int columnIndex(String columnName) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(columnName)) {
        return i;
      }
    }
    return -1;
  }

  public String qualifiedName() {
    return schema + "." + name;
  }
}
