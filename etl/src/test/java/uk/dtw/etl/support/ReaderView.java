package uk.dtw.etl.support;

import io.delta.tables.DeltaTable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import uk.dtw.model.schema.AuditTables;
import uk.dtw.model.schema.TableDef;

/**
 * The warehouse as a reader sees it, by the rule in docs/internal/CONTRACTS.md, applied here with
 * Spark time travel (the Calcite reader cannot share a JVM with Spark): the latest meta_load row
 * names the version of every table; nothing later is visible.
 */
public final class ReaderView {
  private final SparkSession spark = SparkTestSession.get();
  private final Warehouses wh;

  public ReaderView(Warehouses wh) {
    this.wh = wh;
  }

  public long version() {
    return DeltaTable.forPath(
            spark, wh.warehouse.resolve(AuditTables.META_LOAD.relativePath()).toString())
        .history(1)
        .select("version")
        .first()
        .getLong(0);
  }

  public Dataset<Row> pinned(TableDef table) {
    Row latest =
        wh.table(AuditTables.META_LOAD)
            .orderBy(org.apache.spark.sql.functions.col("finished_at").desc())
            .first();
    Matcher m =
        Pattern.compile("\"" + Pattern.quote(table.relativePath()) + "\":(\\d+)")
            .matcher(latest.<String>getAs("table_versions"));
    if (!m.find()) {
      throw new AssertionError(table.relativePath() + " is not pinned by the latest load");
    }
    return wh.tableAsOf(table, Long.parseLong(m.group(1)));
  }
}
