package uk.dtw.etl.load;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import uk.dtw.etl.spark.SparkTypes;
import uk.dtw.model.schema.Aggregates;
import uk.dtw.model.schema.Facts;
import uk.dtw.model.schema.TableDef;

/**
 * Rebuilds the aggregates of the episodes: which partnership-years they cover, then each view
 * {@link Aggregates#viewOf} names, computed by Spark from the episodes as this load leaves them:
 * the read side answers the episode measures from these few thousand rows instead of scanning every
 * episode. Written before meta_load like every table, so a reader sees the aggregates and the
 * episodes they summarise from the same load, or neither.
 *
 * <p>Every row of every aggregate is one partnership's, computed from that partnership's episodes
 * alone (and the dimensions): a load that changed the episodes of a few partnerships recomputes
 * their rows and keeps the others' as they are.
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
    return dimensionsChanged || !everyOneBuilt(tables);
  }

  /**
   * Whether only the partnerships whose episodes this load changed need their rows recomputed: no
   * dimension changed and every aggregate was built before.
   */
  static boolean onlyThoseChanged(DeltaTables tables, boolean dimensionsChanged) {
    return !dimensionsChanged && everyOneBuilt(tables);
  }

  private static boolean everyOneBuilt(DeltaTables tables) {
    return tables.version(Aggregates.EPISODE_COVERAGE) > 0
        && Aggregates.viewOf().keySet().stream().allMatch(t -> tables.version(t) > 0);
  }

  /**
   * The rows of the partnerships in {@code areas} (every partnership's when null) computed afresh
   * from their episodes; the other partnerships' rows stay as they are. {@code dimensions} holds
   * each dimension's rows as this load left its table: the views read them from the driver, not
   * through a Delta scan each.
   */
  static void rebuild(
      SparkSession spark,
      DeltaTables tables,
      Map<TableDef, List<Row>> dimensions,
      Set<String> areas) {
    Dataset<Row> episodes = tables.read(Facts.EPISODE);
    if (areas != null) {
      // fact_episode is partitioned by area_code: only those partnerships' files are read.
      episodes = episodes.filter(col("area_code").isin(areas.toArray()));
    }
    // Each view below reads the episodes (episode_year twice): read them once. Every view groups
    // by partnership, so with the episodes partitioned by it none shuffles its rows again (the
    // category counts alone, each episode-year once per dimension, were 15M rows at scale 1).
    episodes = episodes.repartition(col("area_code")).persist();
    List<Dataset<Row>> cached = new ArrayList<>(List.of(episodes));
    try {
      // Coverage first: the views read it to know which years a partnership sent episodes for.
      List<Row> coverage =
          episodes
              .groupBy("area_code", "extract_year")
              .count()
              .withColumnRenamed("count", "episodes")
              .collectAsList();
      replace(tables, Aggregates.EPISODE_COVERAGE, coverage, areas);
      // The views see the episodes in scope and what the load holds on the driver: the coverage
      // of those episodes and the dimensions. Any other table is read from the warehouse.
      Dataset<Row> inScope = episodes;
      SharedViews.register(
          spark,
          t -> {
            if (t == Facts.EPISODE) {
              return inScope;
            }
            List<Row> rows = t == Aggregates.EPISODE_COVERAGE ? coverage : dimensions.get(t);
            return rows == null ? tables.read(t) : spark.createDataFrame(rows, SparkTypes.of(t));
          },
          List.copyOf(Aggregates.viewOf().values()));
      // episode_year (every episode once per year it is open in) feeds two of the aggregates.
      // Spark analyses a view when it is made: the views listed after it are made again on top.
      Dataset<Row> episodeYear = spark.table("episode_year").persist();
      cached.add(episodeYear);
      episodeYear.createOrReplaceTempView("episode_year");
      List<String> views = SharedViews.withWhatTheyRead(List.copyOf(Aggregates.viewOf().values()));
      for (String view : views.subList(views.indexOf("episode_year") + 1, views.size())) {
        spark.sql(SharedViews.sql(view)).createOrReplaceTempView(view);
      }
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
        replace(tables, table, rows, areas);
      }
    } finally {
      cached.forEach(Dataset::unpersist);
    }
  }

  /** The table's rows of {@code areas} (all its rows when null) replaced by {@code rows}. */
  private static void replace(
      DeltaTables tables, TableDef table, List<Row> rows, Set<String> areas) {
    if (areas == null) {
      tables.replaceIfChanged(table, rows);
      return;
    }
    int area = table.columnNames().indexOf("area_code");
    List<Row> current = tables.rows(table);
    List<Row> all = new ArrayList<>(rows);
    for (Row r : current) {
      if (!areas.contains(r.getString(area))) {
        all.add(r);
      }
    }
    tables.replaceIfChanged(table, all, current);
  }
}
