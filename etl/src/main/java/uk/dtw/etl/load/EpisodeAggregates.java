package uk.dtw.etl.load;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import uk.dtw.model.schema.Aggregates;
import uk.dtw.model.schema.Facts;
import uk.dtw.model.schema.TableDef;

/**
 * Rebuilds the aggregates of the episodes: which partnership-years they cover, then each view
 * {@link Aggregates#viewOf} names, computed by Spark from the episodes as this load leaves them:
 * the read side answers the episode measures from these few thousand rows instead of scanning every
 * episode. Written before meta_load like every table, so a reader sees the aggregates and the
 * episodes they summarise from the same load, or neither.
 */
final class EpisodeAggregates {
  private EpisodeAggregates() {}

  /**
   * Whether this load must rebuild them: its episodes changed, or there are episodes and either a
   * dimension they are coded by changed or an aggregate was never built (a warehouse an earlier
   * version loaded). Without episodes the aggregates stay empty, as the views would be.
   */
  static boolean needed(DeltaTables tables, boolean episodesChanged, boolean dimensionsChanged) {
    if (episodesChanged) {
      return true;
    }
    // Version 0 is the empty table ensure() made: nothing was ever written to it.
    if (tables.version(Facts.EPISODE) <= 0) {
      return false;
    }
    return dimensionsChanged
        || Aggregates.viewOf().keySet().stream().anyMatch(t -> tables.version(t) <= 0);
  }

  static void rebuild(SparkSession spark, DeltaTables tables) {
    // Coverage first: the views read it to know which years a partnership sent episodes for.
    tables.replaceIfChanged(
        Aggregates.EPISODE_COVERAGE,
        tables
            .read(Facts.EPISODE)
            .groupBy("area_code", "extract_year")
            .count()
            .withColumnRenamed("count", "episodes")
            .collectAsList());
    SharedViews.register(spark, tables);
    for (Map.Entry<TableDef, String> e : Aggregates.viewOf().entrySet()) {
      TableDef table = e.getKey();
      // Small by construction (partnerships x years x categories): compared and written on the
      // driver, so a reload that changes nothing leaves the aggregate's version as it was.
      List<Row> rows =
          spark
              .table(e.getValue())
              .select(table.columnNames().stream().map(functions::col).toArray(Column[]::new))
              .collectAsList();
      tables.ensure(table);
      tables.replaceIfChanged(table, rows);
    }
  }
}
