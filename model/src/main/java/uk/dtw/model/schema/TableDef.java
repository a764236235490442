package uk.dtw.model.schema;

import java.util.List;
import java.util.Optional;

/**
 * One warehouse table as data: its columns, natural key and description.
 *
 * <p>Both sides read this: the ETL turns it into a Spark schema and MERGE condition, the read side
 * into a Calcite row type. Nothing else in the product spells out a table's columns. {@code readBy}
 * is the lowest {@link Role} that may read it (its layer's, unless the table is record-level).
 */
public record TableDef(
    String name,
    Layer layer,
    String description,
    List<Column> columns,
    List<String> naturalKey,
    List<String> partitionColumns,
    Role readBy) {

  public TableDef {
    java.util.Objects.requireNonNull(readBy, "readBy");
    columns = List.copyOf(columns);
    naturalKey = List.copyOf(naturalKey);
    partitionColumns = List.copyOf(partitionColumns);
    for (String key : naturalKey) {
      if (columns.stream().noneMatch(c -> c.name().equals(key))) {
        throw new IllegalArgumentException(
            name + ": natural key column " + key + " is not a column");
      }
    }
    // Partitions must follow from the key, so that one key always lives in one partition and a
    // MERGE restricted to the partitions a load touches still finds every row it must update.
    for (String p : partitionColumns) {
      if (!naturalKey.contains(p)) {
        throw new IllegalArgumentException(
            name + ": partition column " + p + " must be part of the natural key");
      }
    }
  }

  /** An unpartitioned table: every table but the record-level ones. */
  public TableDef(
      String name, Layer layer, String description, List<Column> columns, List<String> naturalKey) {
    this(name, layer, description, columns, naturalKey, List.of(), layer.readBy());
  }

  /** A partitioned table read by its layer's readers. */
  public TableDef(
      String name,
      Layer layer,
      String description,
      List<Column> columns,
      List<String> naturalKey,
      List<String> partitionColumns) {
    this(name, layer, description, columns, naturalKey, partitionColumns, layer.readBy());
  }

  /** Path of the table below the warehouse root, e.g. {@code gold/fact_treatment}. */
  public String relativePath() {
    return layer.folder() + "/" + name;
  }

  public Optional<Column> column(String columnName) {
    return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
  }

  public List<String> columnNames() {
    return columns.stream().map(Column::name).toList();
  }
}
