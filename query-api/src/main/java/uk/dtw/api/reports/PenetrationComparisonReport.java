package uk.dtw.api.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import uk.dtw.api.snapshot.Snapshot;
import uk.dtw.api.sql.Column;
import uk.dtw.api.sql.Queries;
import uk.dtw.api.sql.Table;
import uk.dtw.api.vocabulary.Partnership;

/**
 * Penetration of partnerships side by side, one row per partnership and period, each beside its
 * region and England, with its 95% interval and Fingertips' judgement against both.
 */
public final class PenetrationComparisonReport {
  static final String COLUMNS =
      "area_name, basis, partnerships_aggregated, pdu_estimate, pdu_lower_95, pdu_upper_95,"
          + " pdus_in_treatment, penetration_pct, penetration_lower_95, penetration_upper_95";
  static final String AREA_SQL =
      "SELECT " + COLUMNS + " FROM area_penetration WHERE area_code = ? AND financial_year = ?";
  static final String REGION_SQL =
      "SELECT "
          + COLUMNS
          + " FROM area_penetration"
          + " WHERE area_level = 'region' AND area_name = ? AND financial_year = ?";
  static final String ENGLAND_SQL =
      "SELECT "
          + COLUMNS
          + " FROM area_penetration"
          + " WHERE area_level = 'country' AND financial_year = ?";
  private static final List<String> OWN =
      List.of(
          "pdus_in_treatment",
          "pdu_estimate",
          "pdu_lower_95",
          "pdu_upper_95",
          "penetration_pct",
          "penetration_lower_95",
          "penetration_upper_95");
  private static final List<String> OTHER =
      List.of(
          "penetration_pct",
          "penetration_lower_95",
          "penetration_upper_95",
          "basis",
          "partnerships_aggregated");

  private PenetrationComparisonReport() {}

  public static Report build(
      Snapshot snapshot, List<Partnership> partnerships, List<String> periods) {
    List<List<Object>> rows = new ArrayList<>();
    for (Partnership p : partnerships) {
      for (String period : periods) {
        Row own = first(Queries.run(snapshot, AREA_SQL, p.areaCode(), period));
        Row region = first(Queries.run(snapshot, REGION_SQL, p.region(), period));
        Row england = first(Queries.run(snapshot, ENGLAND_SQL, period));
        List<Object> out = new ArrayList<>(List.of(p.name(), p.region(), period));
        OWN.forEach(c -> out.add(own == null ? null : own.get(c)));
        OTHER.forEach(c -> out.add(region == null ? null : region.get(c)));
        out.add(judge(own, region));
        OTHER.forEach(c -> out.add(england == null ? null : england.get(c)));
        out.add(judge(own, england));
        rows.add(out);
      }
    }
    List<Column> columns =
        new ArrayList<>(
            List.of(
                new Column("partnership", "VARCHAR"),
                new Column("region", "VARCHAR"),
                new Column("period", "VARCHAR")));
    OWN.forEach(c -> columns.add(new Column(c, "DOUBLE")));
    for (String area : List.of("region", "england")) {
      OTHER.forEach(
          c ->
              columns.add(
                  new Column(
                      area + "_" + c,
                      c.equals("basis")
                          ? "VARCHAR"
                          : c.equals("partnerships_aggregated") ? "INTEGER" : "DOUBLE")));
      columns.add(new Column("compared_with_" + area, "VARCHAR"));
    }
    return Report.named("penetration")
        .meta("drug_group", "pdu")
        .meta(
            "units",
            Map.of(
                "pdus_in_treatment",
                "people",
                "pdu_estimate",
                "people (95% interval beside it)",
                "penetration_pct",
                "percent; interval = in treatment / upper_95 to in treatment / lower_95"))
        .meta(
            "judgement",
            "Fingertips' rule: intervals that do not overlap are higher or lower, overlapping"
                + " intervals are similar; without both intervals it cannot be judged")
        .meta(
            "basis",
            "reported: the area's own reported estimate and count; aggregated: summed over its"
                + " partnerships_aggregated partnerships that have both (summed bounds only when all have"
                + " bounds, and then wider than the true interval)")
        .table("rows", new Table(columns, rows))
        .build();
  }

  private static String judge(Row own, Row other) {
    if (own == null || other == null) {
      return Comparison.CANNOT;
    }
    return Comparison.judge(
        own.number("penetration_lower_95"),
        own.number("penetration_upper_95"),
        other.number("penetration_lower_95"),
        other.number("penetration_upper_95"));
  }

  private static Row first(Table table) {
    return table.rows().isEmpty() ? null : new Row(table, table.rows().get(0));
  }
}
