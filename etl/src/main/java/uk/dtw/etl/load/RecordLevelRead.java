package uk.dtw.etl.load;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import uk.dtw.etl.conform.Conformer;
import uk.dtw.etl.conform.EpisodeOutcomes;
import uk.dtw.etl.conform.OutcomeRows;
import uk.dtw.etl.extract.ExtractKind;
import uk.dtw.etl.extract.LandingFile;
import uk.dtw.etl.extract.LineHeader;
import uk.dtw.etl.rules.Rule;
import uk.dtw.model.schema.Facts;
import uk.dtw.model.schema.TableDef;

/**
 * Reads record-level files (episodes) in parallel: each file is split into lines by Hadoop's input
 * splits, numbered without collecting them, and conformed line by line on the executors. Only each
 * file's header line is read on the driver.
 */
final class RecordLevelRead {
  private RecordLevelRead() {}

  /** Files above this size are split into lines; smaller ones are read whole, many per task. */
  static final String SPLIT_ABOVE_BYTES = "spark.dtw.recordLevel.splitAboveBytes";

  /**
   * The outcomes. A file read whole finds the keys it gives twice as it is conformed; when some
   * file is split into lines, one file's rows meet only in a Spark aggregate, and the conformed
   * rows are persisted (and added to {@code cached}, for the caller to unpersist when done): the
   * check for duplicate keys and the rows it marks both read them, and without the cache each would
   * read and conform every file again.
   */
  static Dataset<Row> outcomes(
      SparkSession spark,
      ExtractKind kind,
      Map<String, LandingFile> files,
      String loadId,
      uk.dtw.etl.conform.ReadCounters counters,
      List<Dataset<Row>> cached) {
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    long splitAbove =
        Long.parseLong(spark.conf().get(SPLIT_ABOVE_BYTES, String.valueOf(64L << 20)));
    Conformer conformer = Conformer.forKind(kind);
    EpisodeOutcomes episodes =
        new EpisodeOutcomes(
            files, conformer, new OutcomeRows(kind, files, loadId).counting(counters));
    List<String> small = new ArrayList<>();
    JavaRDD<Row> all = sc.emptyRDD();
    for (LandingFile file : files.values()) {
      long size = fileSize(file.uri(), conf);
      if (size <= splitAbove) {
        small.add(file.uri());
        continue;
      }
      LineHeader header =
          LineHeader.read(file.uri(), conf, conformer.requiredColumns(), conformer.knownColumns());
      int splits = (int) Math.max(2, size / (32L << 20));
      // zipWithIndex numbers lines across splits in file order (one small counting pass).
      all =
          all.union(
              sc.textFile(file.uri(), splits)
                  .zipWithIndex()
                  .flatMap(t -> episodes.split(file, header, t._1(), t._2())));
    }
    if (!small.isEmpty()) {
      all =
          all.union(
              spark
                  .read()
                  .format("binaryFile")
                  .load(small.toArray(String[]::new))
                  .javaRDD()
                  .flatMap(episodes::wholeFile));
    }
    Dataset<Row> outcomes = spark.createDataFrame(all, OutcomeRows.schema(kind));
    if (small.size() == files.size()) {
      return outcomes; // each file was read whole, and found the keys it gives twice itself
    }
    outcomes.persist();
    cached.add(outcomes);
    return heldBackDuplicates(outcomes, kind.factTable());
  }

  private static long fileSize(String uri, Configuration conf) {
    Path path = new Path(uri);
    try {
      return path.getFileSystem(conf).getFileStatus(path).getLen();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the size of " + uri, e);
    }
  }

  /**
   * One file giving one key two different records holds both back, as {@code DuplicateKeys} does
   * for the other extracts. The keys with more than one version are found by an aggregate (a narrow
   * shuffle of keys and a hash of the values, not of whole rows), and are few: joining them back is
   * cheap.
   */
  private static Dataset<Row> heldBackDuplicates(Dataset<Row> outcomes, TableDef fact) {
    List<String> values =
        fact.columnNames().stream()
            .filter(c -> !fact.naturalKey().contains(c))
            .filter(c -> Facts.PROVENANCE.stream().noneMatch(p -> p.name().equals(c)))
            .toList();
    List<String> key = new ArrayList<>(List.of("file_sha256"));
    key.addAll(fact.naturalKey());
    Column loaded = col("status").equalTo(OutcomeRows.LOADED);
    // 64-bit hashes of the values: two different records colliding is a one in 2^64 chance.
    Column versions =
        countDistinct(
            xxhash64(
                values.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new)));
    Dataset<Row> duplicated =
        outcomes
            .filter(loaded)
            .groupBy(key.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new))
            .agg(versions.as("_versions"))
            .filter(col("_versions").gt(1))
            .select(key.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new))
            .withColumn("_duplicate", lit(true));
    Column duplicate = col("_duplicate").isNotNull();
    // Broadcast: otherwise the join would shuffle every outcome row to meet a handful of keys.
    return outcomes
        .join(
            org.apache.spark.sql.functions.broadcast(duplicated),
            scala.jdk.javaapi.CollectionConverters.asScala(key).toSeq(),
            "left")
        .withColumn(
            "status", when(duplicate, lit(OutcomeRows.QUARANTINED)).otherwise(col("status")))
        .withColumn("rule", when(duplicate, lit(Rule.DUPLICATE_KEY.code())).otherwise(col("rule")))
        .withColumn(
            "column_name",
            when(duplicate, lit(String.join(",", fact.naturalKey()))).otherwise(col("column_name")))
        .withColumn(
            "message",
            when(
                    duplicate,
                    lit(
                        "another row of this file gives the same episode ("
                            + String.join(", ", fact.naturalKey())
                            + ") with different values; both are held back"))
                .otherwise(col("message")))
        .select(
            java.util.Arrays.stream(outcomes.columns())
                .map(org.apache.spark.sql.functions::col)
                .toArray(Column[]::new));
  }
}
