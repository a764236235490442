package uk.dtw.etl.bench;

import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import uk.dtw.etl.spark.SparkSessions;

/**
 * The floor the ETL benchmark compares the load against: the same landing folder's CSV files
 * written to Delta by a plain Spark job, each kind to one table, with no validation, no bronze, no
 * quarantine and no merge. {@code append} mode writes the files given on top of an existing copy:
 * the floor for an incremental reload.
 *
 * <p>Usage: {@code PlainCsvToDelta LANDING OUT [append]}; prints one line with the wall time.
 */
public final class PlainCsvToDelta {
  private static final String[] KINDS = {
    "prevalence", "treatment", "funding", "targets", "episodes"
  };

  public static void main(String[] args) {
    String landing = args[0];
    String out = args[1];
    boolean append = args.length > 2 && args[2].equals("append");
    SparkSession spark = SparkSessions.create("local[*]");
    long started = System.nanoTime();
    long rows = 0;
    for (String kind : KINDS) {
      org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> csv;
      try {
        csv =
            spark
                .read()
                .option("header", "true")
                .option("recursiveFileLookup", "true")
                .option("pathGlobFilter", kind + "*.csv")
                .csv(landing);
      } catch (Exception e) { // AnalysisException: Scala throws it unchecked, though it is not a
        // RuntimeException
        continue; // no file of this kind (an incremental folder holds one)
      }
      if (csv.columns().length == 0) {
        continue;
      }
      csv.write().format("delta").mode(append ? "append" : "overwrite").save(out + "/" + kind);
      rows += spark.read().format("delta").load(out + "/" + kind).count();
    }
    System.out.printf(
        Locale.ROOT,
        "plain Spark CSV to Delta: %.1f s wall clock, %d rows in the tables%n",
        (System.nanoTime() - started) / 1e9,
        rows);
    spark.stop();
  }
}
