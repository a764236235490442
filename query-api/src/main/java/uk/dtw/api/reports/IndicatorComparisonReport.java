package uk.dtw.api.reports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.dtw.api.errors.Errors;
import uk.dtw.api.snapshot.Snapshot;
import uk.dtw.api.sql.Column;
import uk.dtw.api.sql.Queries;
import uk.dtw.api.sql.Table;
import uk.dtw.api.vocabulary.Partnership;

/**
 * An indicator's value for partnerships side by side, each beside its region and England, with the
 * 95% intervals and Fingertips' judgement against both ({@link Comparison}, as for penetration). A
 * region or England is as reported where the extract has its row, else aggregated from its
 * partnerships that have a numerator and denominator.
 */
public final class IndicatorComparisonReport {
  static final String INDICATOR_SQL =
      "SELECT name, unit, polarity, multiplier, \"method\" FROM dim_indicator WHERE indicator_code = ?";
  static final String INDICATORS_SQL = "SELECT indicator_code FROM dim_indicator ORDER BY 1";
  static final String PERIODS_SQL =
      "SELECT DISTINCT period_code FROM indicator_value WHERE indicator_code = ? ORDER BY 1";
  static final String OWN_SQL =
      "SELECT figure, lower_95, upper_95, figure_source, interval_source"
          + " FROM indicator_value WHERE indicator_code = ? AND period_code = ? AND area_code = ?";

  /** A region's or England's figure: its own row, or aggregated from its partnerships. */
  static final String AREA_SQL =
      "SELECT figure, lower_95, upper_95, basis, partnerships_aggregated FROM indicator_value"
          + " WHERE indicator_code = ? AND period_code = ? AND area_level = ?"
          + " AND (area_name = ? OR area_level = 'country')";

  private static final List<String> OTHER =
      List.of("value", "lower_95", "upper_95", "basis", "partnerships_aggregated", "missing");

  private IndicatorComparisonReport() {}

  /** An indicator as loaded: its code, name, unit, polarity, multiplier and interval method. */
  public record Indicator(
      String code, String name, String unit, String polarity, double multiplier, String method) {}

  /**
   * The indicator by code, or a 404 naming {@code parameter} whose {@code valid} lists the loaded
   * codes.
   */
  public static Indicator resolve(Snapshot snapshot, String parameter, String code) {
    if (code == null || code.isBlank()) {
      throw Errors.missing(
          parameter, "a loaded indicator code: one of " + String.join(", ", codes(snapshot)));
    }
    Table found = Queries.run(snapshot, INDICATOR_SQL, code.strip());
    if (found.rows().isEmpty()) {
      throw Errors.noData(parameter, code, codes(snapshot), "loaded indicators");
    }
    List<Object> d = found.rows().get(0);
    return new Indicator(
        code.strip(),
        text(d.get(0)),
        text(d.get(1)),
        text(d.get(2)),
        d.get(3) instanceof Number n ? n.doubleValue() : 1,
        text(d.get(4)));
  }

  /**
   * The period, or a 404 naming {@code parameter} whose {@code valid} lists the periods with
   * figures.
   */
  public static void checkPeriod(
      Snapshot snapshot, Indicator indicator, String parameter, String period) {
    List<String> periods =
        Queries.run(snapshot, PERIODS_SQL, indicator.code()).column("period_code").stream()
            .map(String::valueOf)
            .toList();
    if (!periods.contains(period)) {
      throw Errors.noData(
          parameter, period, periods, "periods with figures for " + indicator.code());
    }
  }

  public static Report build(
      Snapshot snapshot, Indicator indicator, List<Partnership> partnerships, String period) {
    List<List<Object>> rows = new ArrayList<>();
    Object[] england = area(snapshot, indicator, period, null);
    for (Partnership p : partnerships) {
      Table ownTable = Queries.run(snapshot, OWN_SQL, indicator.code(), period, p.areaCode());
      List<Object> own =
          ownTable.rows().isEmpty()
              ? Arrays.asList(null, null, null, null, null)
              : ownTable.rows().get(0);
      Object[] region =
          p.region() == null
              ? new Object[] {null, null, null, null, null, "the partnership has no region"}
              : area(snapshot, indicator, period, p.region());
      List<Object> out = new ArrayList<>(List.of(p.name()));
      out.add(p.region());
      out.add(period);
      out.addAll(own);
      out.add(own.get(0) == null ? "no figure for " + p.name() + " in " + period : null);
      out.addAll(Arrays.asList(region));
      out.add(judge(own, region));
      out.addAll(Arrays.asList(england));
      out.add(judge(own, england));
      rows.add(out);
    }
    List<Column> columns =
        new ArrayList<>(
            List.of(
                new Column("partnership", "VARCHAR"),
                new Column("region", "VARCHAR"),
                new Column("period", "VARCHAR"),
                new Column("value", "DOUBLE"),
                new Column("lower_95", "DOUBLE"),
                new Column("upper_95", "DOUBLE"),
                new Column("figure_source", "VARCHAR"),
                new Column("interval_source", "VARCHAR"),
                new Column("missing", "VARCHAR")));
    for (String area : List.of("region", "england")) {
      OTHER.forEach(
          c ->
              columns.add(
                  new Column(
                      area + "_" + c,
                      c.equals("basis") || c.equals("missing")
                          ? "VARCHAR"
                          : c.equals("partnerships_aggregated") ? "INTEGER" : "DOUBLE")));
      columns.add(new Column("compared_with_" + area, "VARCHAR"));
    }
    Map<String, Object> units = new LinkedHashMap<>();
    units.put("value", indicator.unit());
    units.put("lower_95", "95% interval, as reported or by " + indicator.method());
    return Report.named("indicator-comparison")
        .meta("indicator", indicator.code())
        .meta("indicator_name", indicator.name())
        .meta("period", period)
        .meta("polarity", indicator.polarity())
        .meta("units", units)
        .meta(
            "judgement",
            "Fingertips' rule: intervals that do not overlap are higher or lower, overlapping"
                + " intervals are similar; without both intervals it cannot be judged")
        .meta(
            "basis",
            "reported: the area's own row in the extract; aggregated: sum of numerators / sum of"
                + " denominators x multiplier over its partnerships_aggregated partnerships that have both,"
                + " with the interval by the indicator's method")
        .table("rows", new Table(columns, rows))
        .build();
  }

  /**
   * value, lower_95, upper_95, basis, partnerships_aggregated, missing for a region, or England
   * when null.
   */
  private static Object[] area(
      Snapshot snapshot, Indicator indicator, String period, String region) {
    // The aggregation and its interval are the indicator_value view's (indicator_figure), so a
    // region here is worked out as in ad-hoc SQL; this only says why a figure is missing.
    Table found =
        Queries.run(
            snapshot,
            AREA_SQL,
            indicator.code(),
            period,
            region == null ? "country" : "region",
            region == null ? "England" : region);
    String where = region == null ? "England" : region;
    if (found.rows().isEmpty() || found.rows().get(0).get(0) == null) {
      return new Object[] {
        null,
        null,
        null,
        null,
        0,
        "no figure reported for "
            + where
            + " and no partnership in it has numerator and denominator"
      };
    }
    List<Object> r = found.rows().get(0);
    String missing =
        r.get(1) == null && "aggregated".equals(r.get(3))
            ? "no interval: unknown method " + indicator.method()
            : null;
    return new Object[] {r.get(0), r.get(1), r.get(2), r.get(3), r.get(4), missing};
  }

  private static String judge(List<Object> own, Object[] other) {
    return Comparison.judge(
        number(own.get(1)), number(own.get(2)), number(other[1]), number(other[2]));
  }

  private static Number number(Object value) {
    return value instanceof Number n ? n : null;
  }

  private static List<String> codes(Snapshot snapshot) {
    return Queries.run(snapshot, INDICATORS_SQL).column("indicator_code").stream()
        .map(String::valueOf)
        .toList();
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
