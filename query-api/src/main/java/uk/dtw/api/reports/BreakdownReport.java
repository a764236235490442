package uk.dtw.api.reports;

import java.util.List;
import java.util.Map;
import uk.dtw.api.errors.Errors;
import uk.dtw.api.snapshot.Snapshot;
import uk.dtw.api.sql.Queries;
import uk.dtw.api.sql.Table;
import uk.dtw.api.vocabulary.Partnership;

/**
 * Who a partnership's people in treatment are, from its episodes: people and shares by sex, age
 * band, ethnicity, primary substance, injecting, referral source and modality, beside the same
 * shares for its region and for England (all from view episode_breakdown).
 */
public final class BreakdownReport {
  public static final List<String> DIMENSIONS =
      List.of(
          "sex",
          "age_band",
          "ethnicity",
          "primary_substance",
          "injecting",
          "referral_source",
          "modality");

  private static final String SQL =
      """
      SELECT b.dimension, b.category, b.people_in_treatment, b.share_pct,
        rb.people AS region_people, 100.0 * rb.people / rt.people AS region_share_pct,
        eb.people AS england_people, 100.0 * eb.people / et.people AS england_share_pct
      FROM episode_breakdown b
      JOIN (SELECT region, dimension, category, SUM(people_in_treatment) AS people
            FROM episode_breakdown WHERE financial_year = ? GROUP BY region, dimension, category) rb
        ON rb.region = b.region AND rb.dimension = b.dimension AND rb.category = b.category
      JOIN (SELECT region, SUM(people_in_treatment) AS people
            FROM episode_treatment WHERE financial_year = ? GROUP BY region) rt
        ON rt.region = b.region
      JOIN (SELECT dimension, category, SUM(people_in_treatment) AS people
            FROM episode_breakdown WHERE financial_year = ? GROUP BY dimension, category) eb
        ON eb.dimension = b.dimension AND eb.category = b.category
      CROSS JOIN (SELECT SUM(people_in_treatment) AS people
                  FROM episode_treatment WHERE financial_year = ?) et
      WHERE b.area_code = ? AND b.financial_year = ?
      ORDER BY b.dimension, b.people_in_treatment DESC, b.category""";

  private static final String YEARS =
      "SELECT financial_year FROM episode_treatment WHERE area_code = ?"
          + " AND people_in_treatment IS NOT NULL ORDER BY financial_year";

  private BreakdownReport() {}

  /** {@code dimension} null gives every dimension. */
  public static Report build(
      Snapshot snapshot, Partnership partnership, String period, String dimension) {
    Table all =
        Queries.run(snapshot, SQL, period, period, period, period, partnership.areaCode(), period);
    if (all.rows().isEmpty()) {
      List<String> years =
          Queries.run(snapshot, YEARS, partnership.areaCode()).rows().stream()
              .map(r -> (String) r.get(0))
              .toList();
      throw Errors.noData(
          "period", period, years, "financial years with episodes for " + partnership.name());
    }
    Table chosen =
        dimension == null
            ? all
            : new Table(
                all.columns(),
                all.rows().stream().filter(r -> dimension.equals(r.get(0))).toList());
    return Report.named("breakdown")
        .meta("partnership", partnership.name())
        .meta("area_code", partnership.areaCode())
        .meta("period", period)
        .meta("dimension", dimension)
        .meta(
            "units",
            Map.of(
                "people_in_treatment",
                "people with an episode open in the year, each once per category",
                "*_share_pct",
                "percent of the area's people in treatment; a person with episodes in two categories counts in both"))
        .table("breakdown", chosen)
        .build();
  }
}
