package uk.dtw.etl.load;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

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
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
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

  static Dataset<Row> outcomes(
      SparkSession spark, ExtractKind kind, Map<String, LandingFile> files, String loadId) {
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    long splitAbove =
        Long.parseLong(spark.conf().get(SPLIT_ABOVE_BYTES, String.valueOf(64L << 20)));
    Conformer conformer = Conformer.forKind(kind);
    EpisodeOutcomes episodes =
        new EpisodeOutcomes(files, conformer, new OutcomeRows(kind, files, loadId));
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
   * for the other extracts; done here with a window because the file is never in one place.
   */
  private static Dataset<Row> heldBackDuplicates(Dataset<Row> outcomes, TableDef fact) {
    List<String> values =
        fact.columnNames().stream()
            .filter(c -> !fact.naturalKey().contains(c))
            .filter(c -> Facts.PROVENANCE.stream().noneMatch(p -> p.name().equals(c)))
            .toList();
    Column[] key =
        java.util.stream.Stream.concat(
                java.util.stream.Stream.of("file_sha256"), fact.naturalKey().stream())
            .map(org.apache.spark.sql.functions::col)
            .toArray(Column[]::new);
    WindowSpec sameKey = Window.partitionBy(key);
    Column loaded = col("status").equalTo(OutcomeRows.LOADED);
    Column versions =
        org.apache.spark.sql.functions.size(
            collect_set(
                    struct(
                        values.stream()
                            .map(org.apache.spark.sql.functions::col)
                            .toArray(Column[]::new)))
                .over(sameKey));
    Column duplicate = col("_duplicate");
    Dataset<Row> loadedRows =
        outcomes
            .filter(loaded)
            .withColumn("_duplicate", versions.gt(1))
            .withColumn(
                "status", when(duplicate, lit(OutcomeRows.QUARANTINED)).otherwise(col("status")))
            .withColumn(
                "rule", when(duplicate, lit(Rule.DUPLICATE_KEY.code())).otherwise(col("rule")))
            .withColumn(
                "column_name",
                when(duplicate, lit(String.join(",", fact.naturalKey())))
                    .otherwise(col("column_name")))
            .withColumn(
                "message",
                when(
                        duplicate,
                        lit(
                            "another row of this file gives the same episode ("
                                + String.join(", ", fact.naturalKey())
                                + ") with different values; both are held back"))
                    .otherwise(col("message")))
            .drop("_duplicate");
    return outcomes.filter(org.apache.spark.sql.functions.not(loaded)).unionByName(loadedRows);
  }
}
