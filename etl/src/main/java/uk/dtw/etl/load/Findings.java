package uk.dtw.etl.load;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import uk.dtw.etl.report.LoadReport;
import uk.dtw.etl.rules.Rule;
import uk.dtw.etl.rules.Severity;
import uk.dtw.etl.spark.SparkTypes;
import uk.dtw.model.schema.AuditTables;
import uk.dtw.model.schema.Dimensions;
import uk.dtw.model.schema.Facts;
import uk.dtw.model.schema.TableDef;

/**
 * Checks across rows and files, one SQL file under {@code findings/} per {@link Severity#FINDING}
 * rule, run once a load's figures are merged and scoped to the figures it touched. A finding is
 * reported, never fixed: a printed total that differs from its lines stays as printed.
 */
final class Findings {
  private static final List<TableDef> TABLES =
      List.of(
          Facts.FUNDING,
          Facts.BULLSEYE,
          Facts.PREVALENCE,
          Facts.TREATMENT,
          Dimensions.AREA,
          Dimensions.FUNDING_SOURCE);

  /** The views the model shares with the read side, defined once in model's views/. */
  private static final List<String> SHARED_VIEWS = List.of("funding_difference");

  private Findings() {}

  /**
   * Whether a load that wrote these fact tables can find anything: every check looks only at the
   * figures the load wrote (is_new) in one of the fact tables it reads.
   */
  static boolean couldFind(java.util.Collection<TableDef> factsWritten) {
    return factsWritten.stream()
        .anyMatch(t -> t.column("load_id").isPresent() && TABLES.contains(t));
  }

  static void run(SparkSession spark, DeltaTables tables, LoadReport report) {
    // Each fact row says whether this load wrote it, so a check looks only at what it touched.
    for (TableDef t : TABLES) {
      Dataset<Row> rows = tables.read(t);
      if (t.column("load_id").isPresent()) {
        rows =
            rows.withColumn(
                "is_new", functions.col("load_id").equalTo(functions.lit(report.loadId)));
      }
      rows.createOrReplaceTempView(t.name());
    }
    for (String view : SHARED_VIEWS) {
      spark.sql(SharedViews.sql(view)).createOrReplaceTempView(view);
    }
    List<Row> kept = new ArrayList<>();
    for (Rule rule : Rule.values()) {
      if (rule.severity() != Severity.FINDING) {
        continue;
      }
      List<Row> found =
          spark
              .sql(SharedViews.resource("findings/" + rule.code() + ".sql"))
              .limit(LoadJob.PROBLEMS_PER_FILE)
              .collectAsList();
      for (Row r : found) {
        String message = r.getString(2) + " " + r.getString(3) + ": " + r.getString(4);
        report.finding(rule, r.getString(0), r.getInt(1), message);
        kept.add(
            RowFactory.create(report.loadId, rule.code(), r.getString(0), r.getInt(1), message));
      }
    }
    // Stored before meta_load like every other write, so readers see them only once committed.
    if (!kept.isEmpty()) {
      tables.merge(
          AuditTables.FINDING, spark.createDataFrame(kept, SparkTypes.of(AuditTables.FINDING)));
    }
  }
}
