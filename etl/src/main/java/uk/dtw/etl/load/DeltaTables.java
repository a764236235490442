package uk.dtw.etl.load;

import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import uk.dtw.etl.spark.SparkTypes;
import uk.dtw.model.schema.Facts;
import uk.dtw.model.schema.TableDef;

/** Writes to the warehouse's Delta tables: create, merge by natural key, insert-only, replace. */
final class DeltaTables {
  private final SparkSession spark;
  private final String root;

  DeltaTables(SparkSession spark, String root) {
    this.spark = spark;
    this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
  }

  String path(TableDef table) {
    return root + "/" + table.relativePath();
  }

  /**
   * Whether the table has a commit: a listing of its log, not a Delta snapshot (the load asks this
   * of every table).
   */
  boolean exists(TableDef table) {
    return version(table) >= 0;
  }

  /**
   * Creates the table empty, with its column descriptions, if it does not exist yet. The change
   * data feed records every figure a load replaced, which is what {@code history --changes} shows.
   */
  void ensure(TableDef table) {
    if (!exists(table)) {
      // A metadata-only commit: no Spark job writes the empty table's nothing. Every column
      // nullable, as a DataFrame write leaves them, so the log is as before. Stamped empty, so
      // its first replaceIfChanged need not read it.
      String stampKey = "spark.databricks.delta.commitInfo.userMetadata";
      spark.conf().set(stampKey, ContentStamp.of(table, List.of()));
      try {
        DeltaTable.createIfNotExists(spark)
            .location(path(table))
            .addColumns(
                new org.apache.spark.sql.types.StructType(
                    SparkTypes.fields(table.columns(), true)
                        .toArray(org.apache.spark.sql.types.StructField[]::new)))
            .property("delta.enableChangeDataFeed", "true")
            // File statistics keep whole source paths (Delta's default keeps 32 characters, the
            // same for every file of a year): a changed file's earlier rows are found in the
            // files that hold them, not in every file of its year.
            .property("delta.dataSkippingStringPrefixLength", "256")
            .partitionedBy(table.partitionColumns().toArray(String[]::new))
            .execute();
      } finally {
        spark.conf().unset(stampKey);
      }
    }
  }

  Dataset<Row> read(TableDef table) {
    return spark.read().format("delta").load(path(table));
  }

  /**
   * Upserts by natural key: a new key is inserted; an existing key is updated only when a figure
   * differs, so reloading the same figures writes no new row and changes nothing.
   */
  void merge(TableDef table, Dataset<Row> source) {
    merge(table, source, java.util.Set.of());
  }

  /**
   * Upserts as {@link #merge(TableDef, Dataset)}, and withdraws the figures that earlier versions
   * of {@code changedFiles} gave and the new versions (in {@code source}) do not give again: a
   * changed file replaces exactly what its earlier version loaded, in one commit. Returns the
   * partitions (values of the partition columns) the merge may have changed; none for a table that
   * is not partitioned.
   */
  List<Row> merge(TableDef table, Dataset<Row> source, java.util.Set<String> changedFiles) {
    if (!table.partitionColumns().isEmpty()) {
      return mergePartitioned(table, source, changedFiles);
    }
    upsert(table, source, changedFiles);
    return List.of();
  }

  /**
   * A partitioned table's merge touches only the partitions the new rows fall in (and those the
   * changed files' earlier rows fell in); where none of them holds a row yet, it is a plain append.
   */
  private List<Row> mergePartitioned(
      TableDef table, Dataset<Row> source, java.util.Set<String> changedFiles) {
    Column[] partitionColumns =
        table.partitionColumns().stream().map(functions::col).toArray(Column[]::new);
    List<Row> partitions =
        new java.util.ArrayList<>(source.select(partitionColumns).distinct().collectAsList());
    List<Row> earlier =
        changedFiles.isEmpty()
            ? List.of()
            : read(table)
                .filter(functions.col("source_file").isin(changedFiles.toArray()))
                .select(partitionColumns)
                .distinct()
                .collectAsList();
    partitions.addAll(earlier);
    if (partitions.isEmpty()) {
      return partitions;
    }
    // Partitions holding a changed file's earlier rows are not empty: no need to ask.
    if (earlier.isEmpty() && read(table).filter(inPartitions(table, partitions, "")).isEmpty()) {
      source
          .write()
          .format("delta")
          .mode("append")
          .partitionBy(table.partitionColumns().toArray(String[]::new))
          .save(path(table));
    } else {
      mergeWithin(table, source, changedFiles, partitions);
    }
    return partitions;
  }

  /**
   * The merge of a partitioned table, in one commit that rewrites only the files of the partitions
   * named: a clause on unmatched target rows (how the unpartitioned merge withdraws a changed
   * file's figures) would make Delta rewrite every partition, so the earlier rows to withdraw are
   * sent as tombstones instead.
   */
  private void mergeWithin(
      TableDef table,
      Dataset<Row> source,
      java.util.Set<String> changedFiles,
      List<Row> partitions) {
    List<String> key = table.naturalKey();
    Dataset<Row> rows = source.withColumn("_withdrawn", functions.lit(false));
    if (!changedFiles.isEmpty()) {
      Dataset<Row> earlier =
          read(table)
              .filter(inPartitions(table, partitions, ""))
              .filter(functions.col("source_file").isin(changedFiles.toArray()))
              .select(table.columnNames().stream().map(functions::col).toArray(Column[]::new));
      Dataset<Row> withdrawn =
          earlier
              .join(
                  source.select(key.stream().map(functions::col).toArray(Column[]::new)),
                  scala.jdk.javaapi.CollectionConverters.asScala(key).toSeq(),
                  "left_anti")
              .withColumn("_withdrawn", functions.lit(true));
      rows = rows.unionByName(withdrawn);
    }
    String on =
        key.stream().map(k -> "t." + k + " <=> s." + k).collect(Collectors.joining(" AND "))
            + " AND "
            + inPartitions(table, partitions, "t.");
    java.util.Map<String, String> set = new java.util.LinkedHashMap<>();
    table.columnNames().forEach(c -> set.put(c, "s." + c));
    DeltaTable.forPath(spark, path(table))
        .as("t")
        .merge(rows.as("s"), on)
        .whenMatched("s._withdrawn")
        .delete()
        .whenMatched(changedCondition(table))
        .updateExpr(set)
        .whenNotMatched("NOT s._withdrawn")
        .insertExpr(set)
        .execute();
  }

  /** A matched row is rewritten only when a figure differs or it moved within its file. */
  private static String changedCondition(TableDef table) {
    List<String> valueColumns =
        table.columnNames().stream()
            .filter(c -> !table.naturalKey().contains(c))
            .filter(c -> Facts.PROVENANCE.stream().noneMatch(p -> p.name().equals(c)))
            .toList();
    String changed =
        valueColumns.isEmpty()
            ? "false"
            : valueColumns.stream()
                .map(c -> "NOT (t." + c + " <=> s." + c + ")")
                .collect(Collectors.joining(" OR "));
    // The same figure from a new version of its file keeps its place but points at its new row.
    String moved =
        table.column("source_row").isPresent()
            ? " OR (t.source_file = s.source_file AND NOT (t.source_row <=> s.source_row))"
            : "";
    return changed + moved;
  }

  /** Each partition column IN the values it takes: a superset of the partitions, prunable. */
  private static String inPartitions(TableDef table, List<Row> partitions, String alias) {
    List<String> terms = new java.util.ArrayList<>();
    for (int i = 0; i < table.partitionColumns().size(); i++) {
      int column = i;
      terms.add(
          alias
              + "`"
              + table.partitionColumns().get(i)
              + "` IN ("
              + partitions.stream()
                  .map(r -> "'" + r.getString(column).replace("'", "''") + "'")
                  .distinct()
                  .sorted()
                  .collect(Collectors.joining(", "))
              + ")");
    }
    return String.join(" AND ", terms);
  }

  private void upsert(TableDef table, Dataset<Row> source, java.util.Set<String> changedFiles) {
    String on =
        table.naturalKey().stream()
            .map(k -> "t." + k + " <=> s." + k)
            .collect(Collectors.joining(" AND "));
    io.delta.tables.DeltaMergeBuilder merge =
        DeltaTable.forPath(spark, path(table))
            .as("t")
            .merge(source.as("s"), on)
            .whenMatched(changedCondition(table))
            .updateAll()
            .whenNotMatched()
            .insertAll();
    if (!changedFiles.isEmpty()) {
      merge =
          merge
              .whenNotMatchedBySource(
                  "t.source_file IN ("
                      + changedFiles.stream()
                          .map(f -> "'" + f.replace("'", "''") + "'")
                          .collect(Collectors.joining(", "))
                      + ")")
              .delete();
    }
    merge.execute();
  }

  /**
   * Inserts rows whose natural key is new; rows already there stay as they are. Rows of files the
   * table has never seen (the usual case: a killed load's rerun is the exception) are appended.
   */
  void insertNew(TableDef table, Dataset<Row> source) {
    Object[] hashes =
        source.select("file_sha256").distinct().collectAsList().stream()
            .map(r -> r.get(0))
            .toArray();
    if (hashes.length == 0) {
      return;
    }
    if (read(table).filter(functions.col("file_sha256").isin(hashes)).isEmpty()) {
      source.write().format("delta").mode("append").save(path(table));
      return;
    }
    String on =
        table.naturalKey().stream()
            .map(k -> "t." + k + " <=> s." + k)
            .collect(Collectors.joining(" AND "));
    DeltaTable.forPath(spark, path(table))
        .as("t")
        .merge(source.as("s"), on)
        .whenNotMatched()
        .insertAll()
        .execute();
  }

  /**
   * Replaces a small table's content, but only when it differs: an unchanged dimension keeps its
   * version. Each replace (and the creation by {@link #ensure}) stamps its commit with the content
   * it wrote ({@link ContentStamp}): while that commit is the table's newest, the stamp says what
   * the table holds and nothing is read; otherwise the rows are read and compared.
   */
  boolean replaceIfChanged(TableDef table, List<Row> rows) {
    String stamp = ContentStamp.of(table, rows);
    String newest = newestCommitStamp(table);
    if (newest.startsWith(ContentStamp.PREFIX)) {
      // The newest commit wrote the content its stamp names: compared without reading a row.
      if (newest.equals(stamp)) {
        return false;
      }
      write(table, rows, stamp);
      return true;
    }
    // Dimensions are small: comparing them on the driver is one read, not two shuffles.
    return replaceIfChanged(table, rows, rows(table));
  }

  /** As {@link #replaceIfChanged(TableDef, List)}, given the rows the table holds now. */
  boolean replaceIfChanged(TableDef table, List<Row> rows, List<Row> current) {
    java.util.Map<Row, Long> now = counts(current);
    if (now.equals(counts(rows))) {
      return false;
    }
    write(table, rows, ContentStamp.of(table, rows));
    return true;
  }

  private void write(TableDef table, List<Row> rows, String stamp) {
    spark
        .createDataFrame(rows, SparkTypes.of(table))
        .write()
        .format("delta")
        .mode("overwrite")
        .option("userMetadata", stamp)
        .save(path(table));
  }

  /**
   * The userMetadata of the table's newest commit ({@link ContentStamp} when it is a replace by
   * this class), or "" when it has none: one small file read, not a Delta snapshot.
   */
  private String newestCommitStamp(TableDef table) {
    long version = version(table);
    if (version < 0) {
      return "";
    }
    org.apache.hadoop.fs.Path commit =
        new org.apache.hadoop.fs.Path(
            path(table) + "/_delta_log",
            String.format(java.util.Locale.ROOT, "%020d.json", version));
    try {
      FileSystem fs = commit.getFileSystem(spark.sparkContext().hadoopConfiguration());
      try (var in =
          new java.io.BufferedReader(
              new java.io.InputStreamReader(
                  fs.open(commit), java.nio.charset.StandardCharsets.UTF_8))) {
        for (String line; (line = in.readLine()) != null; ) {
          if (line.startsWith("{\"commitInfo\"")) {
            return JSON.readTree(line).path("commitInfo").path("userMetadata").asText("");
          }
        }
      }
      return "";
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + commit, e);
    }
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  /** Every row of a small table, its columns in the table's order, on the driver. */
  List<Row> rows(TableDef table) {
    return read(table)
        .select(table.columnNames().stream().map(functions::col).toArray(Column[]::new))
        .collectAsList();
  }

  private static java.util.Map<Row, Long> counts(List<Row> rows) {
    return rows.stream()
        .collect(Collectors.groupingBy(r -> r, java.util.HashMap::new, Collectors.counting()));
  }

  /**
   * The table's latest Delta version: the number of its newest commit file. One listing of the log
   * rather than a Spark job reading its history, since every commit asks this of every table. Log
   * clean-up removes old commit files, never the newest. -1 when the table has no commit.
   */
  long version(TableDef table) {
    org.apache.hadoop.fs.Path log = new org.apache.hadoop.fs.Path(path(table), "_delta_log");
    try {
      FileSystem fs = log.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(log)) {
        return -1;
      }
      long newest = -1;
      for (FileStatus f : fs.listStatus(log)) {
        String name = f.getPath().getName();
        if (COMMIT_FILE.matcher(name).matches()) {
          newest = Math.max(newest, Long.parseLong(name.substring(0, 20)));
        }
      }
      // A log with no commit yet (a creation killed before its first commit) is no table.
      return newest;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + log, e);
    }
  }

  private static final Pattern COMMIT_FILE = Pattern.compile("\\d{20}\\.json");
}
