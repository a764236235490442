package uk.dtw.api.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.dtw.api.snapshot.Snapshot;
import uk.dtw.api.sql.Column;
import uk.dtw.api.sql.Queries;
import uk.dtw.api.sql.Table;

/**
 * Funding trends of one area (a partnership, a region or England): the source lines with their
 * shares, per year the computed total beside the reported one, the year-on-year change, spend per
 * PDU and the compound annual growth. Every figure comes from the funding_area_* views.
 */
public final class FundingReport {
  static final String LINES_SQL =
      "SELECT financial_year AS \"period\", source_code, source_name, amount_gbp, note,"
          + " amalgamated_into, share_pct, partnerships_contributing FROM funding_area_line"
          + " WHERE area_level = ? AND area_name = ? ORDER BY financial_year, sort_order";
  static final String TOTALS_SQL =
      "SELECT financial_year AS \"period\", computed_total_gbp, reported_total_gbp,"
          + " difference_gbp, change_pct, total_matches, partnerships_contributing, pdu_estimate, pdus_in_treatment,"
          + " pdus_in_effective_treatment, gbp_per_pdu_estimated, gbp_per_pdu_in_treatment,"
          + " gbp_per_pdu_in_effective_treatment FROM funding_area_total"
          + " WHERE area_level = ? AND area_name = ? ORDER BY financial_year";
  static final String GROWTH_SQL =
      "SELECT first_year AS first_period, last_year AS last_period, years,"
          + " first_total_gbp, last_total_gbp, cagr_pct FROM funding_growth WHERE area_level = ? AND area_name = ?";

  /** Each per-PDU figure and the denominator it needs. */
  private static final Map<String, String> PER_PDU =
      Map.of(
          "gbp_per_pdu_estimated",
          "pdu_estimate",
          "gbp_per_pdu_in_treatment",
          "pdus_in_treatment",
          "gbp_per_pdu_in_effective_treatment",
          "pdus_in_effective_treatment");

  private FundingReport() {}

  public static Report build(Snapshot snapshot, FundingArea area) {
    Report.Builder report = Report.named("funding").meta("scope", area.scope());
    area.identifiers().forEach(report::meta);
    return report
        .meta("units", units())
        .table("lines", Queries.run(snapshot, LINES_SQL, area.level(), area.name()))
        .table(
            "totals",
            withPerPduReasons(Queries.run(snapshot, TOTALS_SQL, area.level(), area.name())))
        .table("growth", Queries.run(snapshot, GROWTH_SQL, area.level(), area.name()))
        .build();
  }

  private static Map<String, Object> units() {
    Map<String, Object> units = new LinkedHashMap<>();
    units.put(
        "amount_gbp",
        "GBP; null where the line has only a note, e.g. amalgamated into amalgamated_into");
    units.put("share_pct", "percent of the period's computed_total_gbp");
    units.put("computed_total_gbp", "GBP, the sum of the source lines");
    units.put(
        "reported_total_gbp",
        "GBP, as printed (for a region or England only when every partnership printed one)");
    units.put(
        "difference_gbp", "GBP (reported minus computed); total_matches is true when it is 0");
    units.put("change_pct", "percent change of computed_total_gbp on the previous period");
    units.put(
        "partnerships_contributing", "partnerships whose funding profile is summed in the row");
    units.put("gbp_per_pdu_estimated", "GBP per PDU estimated (same period)");
    units.put("gbp_per_pdu_in_treatment", "GBP per PDU in treatment (same period)");
    units.put(
        "gbp_per_pdu_in_effective_treatment", "GBP per PDU in effective treatment (same period)");
    units.put(
        "cagr_pct", "percent a year: (last / first)^(1 / years) - 1 over the computed totals");
    return units;
  }

  /**
   * The totals with {@code per_pdu_missing}: why a spend-per-PDU figure is null, or null when all
   * are there.
   */
  private static Table withPerPduReasons(Table totals) {
    List<Column> columns = new ArrayList<>(totals.columns());
    columns.add(new Column("per_pdu_missing", "VARCHAR"));
    List<List<Object>> rows = new ArrayList<>();
    for (List<Object> values : totals.rows()) {
      Row row = new Row(totals, values);
      List<String> reasons = new ArrayList<>();
      for (String figure :
          List.of(
              "gbp_per_pdu_estimated",
              "gbp_per_pdu_in_treatment",
              "gbp_per_pdu_in_effective_treatment")) {
        if (row.get(figure) == null) {
          Number denominator = row.number(PER_PDU.get(figure));
          reasons.add(
              figure
                  + ": "
                  + (denominator == null
                      ? "no " + PER_PDU.get(figure) + " loaded for the period"
                      : PER_PDU.get(figure) + " is 0"));
        }
      }
      List<Object> out = new ArrayList<>(values);
      out.add(reasons.isEmpty() ? null : String.join("; ", reasons));
      rows.add(out);
    }
    return new Table(columns, rows);
  }
}
