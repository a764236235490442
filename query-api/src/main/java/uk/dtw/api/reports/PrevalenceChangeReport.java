package uk.dtw.api.reports;

import java.util.Map;
import uk.dtw.api.snapshot.Snapshot;
import uk.dtw.api.sql.Queries;
import uk.dtw.api.vocabulary.Partnership;

/**
 * The Hampshire plan's prevalence table: estimates and rates per 1,000 in two years, by drug group,
 * for a partnership and its region.
 */
public final class PrevalenceChangeReport {
  static final String SQL =
      "SELECT area_name AS area, area_level, drug_group, baseline_year AS from_period,"
          + " financial_year AS to_period, baseline_estimate AS estimate_from, estimate AS estimate_to,"
          + " estimate_change_pct, baseline_rate_per_1000 AS rate_per_1000_from, rate_per_1000 AS rate_per_1000_to,"
          + " rate_change_pct FROM prevalence_change"
          + " WHERE (area_code = ? OR (area_level = 'region' AND area_name = ?)) AND baseline_year = ? AND financial_year = ?"
          + " ORDER BY CASE WHEN area_level = 'partnership' THEN 0 ELSE 1 END,"
          + " CASE drug_group WHEN 'pdu' THEN 0 WHEN 'opiate' THEN 1 WHEN 'crack' THEN 2 ELSE 3 END";

  private PrevalenceChangeReport() {}

  public static Report build(Snapshot snapshot, Partnership partnership, String from, String to) {
    return Report.named("prevalence-change")
        .meta("partnership", partnership.name())
        .meta("region", partnership.region())
        .meta("from", from)
        .meta("to", to)
        .meta(
            "units",
            Map.of(
                "estimate_*",
                "people",
                "rate_per_1000_*",
                "per 1,000 aged 15-64",
                "*_change_pct",
                "percent change from 'from' to 'to', full precision; null where a figure is missing"))
        .table(
            "rows",
            Queries.run(snapshot, SQL, partnership.areaCode(), partnership.region(), from, to))
        .build();
  }
}
