package uk.dtw.api.reports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.dtw.api.snapshot.Snapshot;
import uk.dtw.api.sql.Column;
import uk.dtw.api.sql.Queries;
import uk.dtw.api.sql.Table;

/**
 * The Oxfordshire plan's national top table by change in PDUs in effective treatment: baseline
 * count, this year's count, the agreed change target and the actual change, and whether the target
 * was met. Targets come from the target view (measure pdus_in_effective_treatment_change_pct).
 */
public final class EffectiveChangeTopReport {
  static final String TARGETS_SQL =
      "SELECT area_code, target_value FROM target"
          + " WHERE measure_code = 'pdus_in_effective_treatment_change_pct' AND kind = 'target'"
          + " AND financial_year = ?";

  private EffectiveChangeTopReport() {}

  /** {@code withholding}: the values the output withholds, which are left out, not ranked. */
  public static Report build(
      Snapshot snapshot,
      String period,
      String baseline,
      String region,
      int limit,
      Rankings.Withholding withholding) {
    Rankings.Result result =
        Rankings.rank(
            snapshot,
            MeasureCatalogue.named("measure", "effective_change"),
            period,
            baseline,
            region,
            withholding);
    Map<String, Object> targets = new HashMap<>();
    Table t = Queries.run(snapshot, TARGETS_SQL, period);
    t.rows().forEach(r -> targets.put(String.valueOf(r.get(0)), r.get(1)));
    List<List<Object>> rows = new ArrayList<>();
    for (Rankings.Entry e : result.entries()) {
      if (rows.size() >= limit) {
        break;
      }
      Object target = targets.get(e.row().text("area_code"));
      double actual = e.row().number("change_pct").doubleValue();
      Boolean met = target instanceof Number n ? actual >= n.doubleValue() : null;
      rows.add(
          Arrays.asList(
              e.rank(),
              e.row().text("partnership"),
              e.row().text("region"),
              e.row().get("baseline_pdus_in_effective_treatment"),
              e.row().get("pdus_in_effective_treatment"),
              target,
              e.row().get("change_pct"),
              met));
    }
    List<Column> columns =
        List.of(
            new Column("rank", "INTEGER"),
            new Column("partnership", "VARCHAR"),
            new Column("region", "VARCHAR"),
            new Column("baseline_count", "DOUBLE"),
            new Column("count", "DOUBLE"),
            new Column("change_target_pct", "DOUBLE"),
            new Column("actual_change_pct", "DOUBLE"),
            new Column("target_met", "BOOLEAN"));
    return Report.named("effective-change-top")
        .meta("period", result.period())
        .meta("baseline", result.baseline())
        .meta("region", region)
        .meta("limit", limit)
        .meta("order", "by actual change, high to low; ties share a rank (1, 2, 2, 4)")
        .meta(
            "units",
            Map.of(
                "baseline_count",
                "people (PDUs in effective treatment in the baseline year)",
                "count",
                "people (PDUs in effective treatment in the period)",
                "change_target_pct",
                "percent rise over the baseline agreed as the target",
                "actual_change_pct",
                "percent change over the baseline, full precision"))
        .meta("ranked_of", result.rankedOf())
        .table("rows", new Table(columns, rows))
        .table("left_out", Rankings.leftOutTable(result))
        .build();
  }
}
