package uk.dtw.model.schema;

import static uk.dtw.model.schema.Column.optional;
import static uk.dtw.model.schema.Column.required;
import static uk.dtw.model.schema.ColumnType.LONG;
import static uk.dtw.model.schema.ColumnType.STRING;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tables each load rebuilds from the facts, not read from extracts: small summaries read instead of
 * scanning record-level facts. Most store one shared view's rows ({@link #viewOf}): the read side
 * declares each to Calcite as that view's materialization, so the planner answers from it without a
 * query naming it, and tests compare it with the view computed from the episodes.
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

  /** The rows of view episode_counts: people per partnership-year, each measure once. */
  public static final TableDef EPISODE_COUNTS =
      new TableDef(
          "agg_episode_counts",
          Layer.GOLD,
          "The episode measures per partnership and financial year: view episode_counts as the load stored it.",
          List.of(
              required("area_code", STRING, "Partnership (dim_area)"),
              required("financial_year", STRING, "Financial year (dim_period)"),
              required("people_in_treatment", LONG, "People with an episode open in the year"),
              required("people_in_effective_treatment", LONG, "Of those, in effective treatment"),
              required("people_new_to_treatment", LONG, "People first triaged in the year"),
              required("planned_exits", LONG, "People discharged as planned in the year"),
              required("unplanned_exits", LONG, "People discharged unplanned in the year"),
              required("pdus_in_treatment_episodes", LONG, "Problem drug users in treatment"),
              required(
                  "pdus_in_effective_treatment_episodes",
                  LONG,
                  "Problem drug users in effective treatment")),
          List.of("area_code", "financial_year"));

  /** The rows of view episode_waiting_counts. */
  public static final TableDef EPISODE_WAITING_COUNTS =
      new TableDef(
          "agg_episode_waiting_counts",
          Layer.GOLD,
          "First interventions started per partnership and financial year, and how many waited over three weeks: view episode_waiting_counts as the load stored it.",
          List.of(
              required("area_code", STRING, "Partnership (dim_area)"),
              required("financial_year", STRING, "Financial year (dim_period)"),
              required("interventions_started", LONG, "Episodes whose first intervention started"),
              required("waited_over_3_weeks", LONG, "Of those, referred more than 21 days before")),
          List.of("area_code", "financial_year"));

  /** The rows of view episode_category_counts. */
  public static final TableDef EPISODE_CATEGORY_COUNTS =
      new TableDef(
          "agg_episode_category_counts",
          Layer.GOLD,
          "People in treatment per partnership, financial year and category of each episode dimension: view episode_category_counts as the load stored it.",
          List.of(
              required("area_code", STRING, "Partnership (dim_area)"),
              required("financial_year", STRING, "Financial year (dim_period)"),
              required("dimension", STRING, "sex, age_band, ethnicity, primary_substance, ..."),
              optional("category", STRING, "The dimension's code; null where episodes had none"),
              required("people_in_treatment", LONG, "People with an episode of that category")),
          List.of("area_code", "financial_year", "dimension", "category"));

  public static final List<TableDef> ALL =
      List.of(EPISODE_COVERAGE, EPISODE_COUNTS, EPISODE_WAITING_COUNTS, EPISODE_CATEGORY_COUNTS);

  /** Each aggregate that stores a shared view (model's views/), to the view's name. */
  public static Map<TableDef, String> viewOf() {
    Map<TableDef, String> views = new LinkedHashMap<>();
    views.put(EPISODE_COUNTS, "episode_counts");
    views.put(EPISODE_WAITING_COUNTS, "episode_waiting_counts");
    views.put(EPISODE_CATEGORY_COUNTS, "episode_category_counts");
    return Collections.unmodifiableMap(views);
  }
}
