package uk.dtw.etl.history;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import uk.dtw.model.schema.AuditTables;
import uk.dtw.model.schema.Facts;
import uk.dtw.model.schema.TableDef;

/**
 * What each committed load changed: the figures it added and the ones it replaced, old beside new,
 * read from the fact tables' change data feed and told apart by the rows' load_id.
 */
public final class LoadHistory {
  /** One committed load and the warehouse version its commit made. */
  public record Load(
      String loadId,
      long warehouseVersion,
      String finishedAt,
      int filesLoaded,
      long rowsRead,
      long rowsLoaded,
      long rowsQuarantined) {}

  /** A figure a load added (before = null) or replaced. */
  public record Change(
      String loadId, String table, String key, String before, String after, String source) {}

  private final SparkSession spark;
  private final String warehouse;

  public LoadHistory(SparkSession spark, String warehouse) {
    this.spark = spark;
    this.warehouse = warehouse;
  }

  private Dataset<Row> changeFeed(TableDef table) {
    return spark
        .read()
        .format("delta")
        .option("readChangeFeed", "true")
        .option("startingVersion", 0)
        .load(warehouse + "/" + table.relativePath());
  }

  /** Committed loads, newest first. */
  public List<Load> loads() {
    List<Load> loads = new ArrayList<>();
    for (Row r :
        changeFeed(AuditTables.META_LOAD)
            .filter(col("_change_type").equalTo("insert"))
            .orderBy(col("_commit_version").desc())
            .collectAsList()) {
      loads.add(
          new Load(
              r.getAs("load_id"),
              r.<Long>getAs("_commit_version"),
              r.getAs("finished_at").toString().substring(0, 19),
              r.<Integer>getAs("files_loaded"),
              r.<Long>getAs("rows_read"),
              r.<Long>getAs("rows_loaded"),
              r.<Long>getAs("rows_quarantined")));
    }
    return loads;
  }

  /** Every figure a load added or replaced, at most {@code limit} per fact table. */
  public List<Change> changes(String loadId, int limit) {
    List<Change> changes = new ArrayList<>();
    for (TableDef fact : Facts.ALL) {
      Dataset<Row> feed = changeFeed(fact);
      List<String> key = fact.naturalKey();
      Dataset<Row> after =
          feed.filter(
              col("load_id")
                  .equalTo(loadId)
                  .and(col("_change_type").isin("insert", "update_postimage")));
      Dataset<Row> before = feed.filter(col("_change_type").equalTo("update_preimage"));
      for (Row r :
          after
              .orderBy(
                  key.stream()
                      .map(org.apache.spark.sql.functions::col)
                      .toArray(org.apache.spark.sql.Column[]::new))
              .limit(limit)
              .collectAsList()) {
        String old = null;
        if ("update_postimage".equals(r.getAs("_change_type"))) {
          Dataset<Row> match =
              before.filter(col("_commit_version").equalTo(r.<Long>getAs("_commit_version")));
          for (String k : key) {
            match = match.filter(col(k).equalTo(r.getAs(k)));
          }
          old =
              match.isEmpty()
                  ? "?"
                  : value(fact, match.first()) + " (from " + source(match.first()) + ")";
        }
        changes.add(
            new Change(loadId, fact.name(), describeKey(key, r), old, value(fact, r), source(r)));
      }
    }
    return changes;
  }

  private static String describeKey(List<String> key, Row r) {
    List<String> parts = new ArrayList<>();
    key.forEach(k -> parts.add(String.valueOf(r.<Object>getAs(k))));
    return String.join(" ", parts);
  }

  private static String value(TableDef fact, Row r) {
    if (fact.column("figure").isPresent()) {
      return String.valueOf(r.<Object>getAs("figure"));
    }
    if (fact.column("amount_gbp").isEmpty()) {
      // A record (an episode): what it says beyond its key.
      List<String> parts = new ArrayList<>();
      for (String c : fact.columnNames()) {
        if (!fact.naturalKey().contains(c)
            && Facts.PROVENANCE.stream().noneMatch(p -> p.name().equals(c))
            && r.getAs(c) != null) {
          parts.add(c + "=" + r.getAs(c));
        }
      }
      return String.join(" ", parts);
    }
    Object amount = r.getAs("amount_gbp");
    Object note = r.getAs("note");
    return (amount == null ? "no amount" : amount.toString())
        + (note == null ? "" : " [" + note + "]");
  }

  private static String source(Row r) {
    return r.getAs("source_file") + " row " + r.getAs("source_row");
  }
}
