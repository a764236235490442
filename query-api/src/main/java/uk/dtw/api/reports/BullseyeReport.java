package uk.dtw.api.reports;

import java.util.Map;
import uk.dtw.api.snapshot.Snapshot;
import uk.dtw.api.sql.Queries;
import uk.dtw.api.vocabulary.Partnership;

/**
 * A partnership's Bull's eye: the four rings as counts and shares of the estimate, and whether they
 * add up to it.
 */
public final class BullseyeReport {
  static final String SQL =
      "SELECT as_at, drug_group, financial_year AS \"period\", estimate, rings_total, difference,"
          + " CASE WHEN difference = 0 THEN TRUE WHEN difference IS NULL THEN NULL ELSE FALSE END AS adds_up,"
          + " in_treatment, in_treatment_pct, treated_last_12_months, treated_last_12_months_pct,"
          + " known_to_treatment, known_to_treatment_pct, treatment_naive, treatment_naive_pct"
          + " FROM bullseye_share WHERE area_code = ? ORDER BY as_at, drug_group";

  private BullseyeReport() {}

  public static Report build(Snapshot snapshot, Partnership partnership) {
    return Report.named("bullseye")
        .meta("partnership", partnership.name())
        .meta("area_code", partnership.areaCode())
        .meta(
            "units",
            Map.of(
                "counts",
                "people",
                "*_pct",
                "percent of the estimate for the financial year" + " the date falls in",
                "difference",
                "estimate minus the sum of the rings (people)"))
        .table("rings", Queries.run(snapshot, SQL, partnership.areaCode()))
        .build();
  }
}
