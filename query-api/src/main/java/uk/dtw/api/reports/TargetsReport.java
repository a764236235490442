package uk.dtw.api.reports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.dtw.api.errors.Errors;
import uk.dtw.api.snapshot.Snapshot;
import uk.dtw.api.sql.Queries;
import uk.dtw.api.sql.Table;
import uk.dtw.api.vocabulary.Partnership;

/**
 * A partnership's agreed targets against what treatment actually recorded, per measure and period,
 * from the target_vs_actual view: baseline, target, actual, met or not, and the gap.
 */
public final class TargetsReport {
  static final String COLUMNS =
      "SELECT measure_code AS \"measure\", financial_year AS \"period\","
          + " baseline_year AS baseline_period, baseline_value, baseline_count, target_value, actual_value,"
          + " target_met, gap, actual_missing, polarity FROM target_vs_actual WHERE area_code = ?";
  static final String ALL_SQL = COLUMNS + " ORDER BY measure_code, financial_year";
  static final String ONE_SQL = COLUMNS + " AND measure_code = ? ORDER BY financial_year";
  static final String MEASURES_SQL =
      "SELECT DISTINCT measure_code FROM target WHERE kind = 'target'" + " ORDER BY measure_code";

  private TargetsReport() {}

  public static Report build(Snapshot snapshot, Partnership partnership, String measure) {
    if (measure != null) {
      List<String> known =
          Queries.run(snapshot, MEASURES_SQL).column("measure_code").stream()
              .map(String::valueOf)
              .toList();
      if (!known.contains(measure)) {
        throw Errors.unknownValue("measure", measure, known);
      }
    }
    Table rows =
        measure == null
            ? Queries.run(snapshot, ALL_SQL, partnership.areaCode())
            : Queries.run(snapshot, ONE_SQL, partnership.areaCode(), measure);
    return Report.named("targets")
        .meta("partnership", partnership.name())
        .meta("area_code", partnership.areaCode())
        .meta("measure", measure)
        .meta("units", units())
        .meta(
            "actuals",
            "pdus_in_effective_treatment and all_adults_in_effective_treatment: treatment's"
                + " in_effective_treatment for client group pdu or all_adults; the change: 100 x (PDUs in"
                + " effective treatment - baseline_count) / baseline_count, baseline_count being the actual"
                + " in baseline_period, else the agreed baseline")
        .table("rows", rows)
        .build();
  }

  private static Map<String, Object> units() {
    Map<String, Object> units = new LinkedHashMap<>();
    units.put("baseline_value", "the agreed baseline, in the measure's unit (people)");
    units.put(
        "baseline_count", "people in effective treatment in baseline_period (change measure only)");
    units.put("target_value", "people, or percent rise over the baseline for *_change_pct");
    units.put(
        "actual_value",
        "same unit as target_value; null where not loaded (actual_missing says why)");
    units.put("target_met", "actual_value >= target_value (higher is better)");
    units.put("gap", "actual_value - target_value, same unit");
    return units;
  }
}
