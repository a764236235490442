package uk.dtw.model.schema;

import static uk.dtw.model.schema.Column.required;
import static uk.dtw.model.schema.ColumnType.LONG;
import static uk.dtw.model.schema.ColumnType.STRING;

import java.util.List;

/**
 * Tables each load rebuilds from the facts, not read from extracts: small summaries the views read
 * instead of scanning record-level facts. Each is checked against the facts it summarises.
 */
public final class Aggregates {
  private Aggregates() {}

  /**
   * Built by each load from fact_episode, not read from extracts: which partnership-years episodes
   * were sent for, so that every ranking's list of years does not scan millions of episodes.
   */
  public static final TableDef EPISODE_COVERAGE =
      new TableDef(
          "episode_coverage",
          Layer.GOLD,
          "The partnership-years episodes were sent for, with how many: an aggregate of fact_episode the load rebuilds.",
          List.of(
              required("area_code", STRING, "Partnership (dim_area)"),
              required(
                  "extract_year",
                  STRING,
                  "Financial year of the extracts (fact_episode.extract_year)"),
              required("episodes", LONG, "Episodes fact_episode holds for it")),
          List.of("area_code", "extract_year"));

  public static final List<TableDef> ALL = List.of(EPISODE_COVERAGE);
}
