package uk.dtw.api.reports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.dtw.api.snapshot.Snapshot;
import uk.dtw.api.sql.Column;
import uk.dtw.api.sql.Table;

/**
 * The Oxfordshire plan's regional penetration table, ready to paste into a plan: rank in the
 * region, partnership, PDU estimate, PDUs in treatment, penetration, and the national rank last
 * year and this year.
 */
public final class PenetrationTableReport {
  private PenetrationTableReport() {}

  /** {@code withholding}: the values the output withholds, which are left out, not ranked. */
  public static Report build(
      Snapshot snapshot, String period, String region, Rankings.Withholding withholding) {
    Measure penetration = MeasureCatalogue.named("measure", "penetration");
    Rankings.Result result =
        Rankings.rank(snapshot, penetration, period, null, region, withholding);
    List<List<Object>> rows = new ArrayList<>();
    for (Rankings.Entry e : result.entries()) {
      rows.add(
          Arrays.asList(
              e.rank(),
              e.row().text("partnership"),
              e.row().get("pdu_estimate"),
              e.row().get("pdus_in_treatment"),
              e.row().get("penetration_pct"),
              e.previousNationalRank(),
              e.nationalRank()));
    }
    List<Column> columns =
        List.of(
            new Column("rank", "INTEGER"),
            new Column("partnership", "VARCHAR"),
            new Column("pdu_estimate", "DOUBLE"),
            new Column("pdus_in_treatment", "DOUBLE"),
            new Column("penetration_pct", "DOUBLE"),
            new Column("previous_national_rank", "INTEGER"),
            new Column("national_rank", "INTEGER"));
    Map<String, String> headings = new LinkedHashMap<>();
    headings.put("rank", (region == null ? "England" : region) + " ranking " + result.period());
    headings.put("partnership", "Partnership");
    headings.put("pdu_estimate", "PDU estimate");
    headings.put("pdus_in_treatment", "PDUs in treatment " + result.period());
    headings.put("penetration_pct", "Penetration " + result.period());
    headings.put("previous_national_rank", "National ranking " + result.previousPeriod());
    headings.put("national_rank", "National ranking " + result.period());
    return Report.named("penetration-table")
        .meta("period", result.period())
        .meta("previous_period", result.previousPeriod())
        .meta("region", region)
        .meta("order", penetration.polarity().order())
        .meta(
            "units",
            Map.of(
                "pdu_estimate",
                "people",
                "pdus_in_treatment",
                "people",
                "penetration_pct",
                "percent, full precision: round when printing"))
        .meta("headings", headings)
        .meta("ranked_of", result.rankedOf())
        .meta("national_ranked_of", result.nationalRankedOf())
        .meta("previous_national_ranked_of", result.previousNationalRankedOf())
        .table("rows", new Table(columns, rows))
        .table("left_out", Rankings.leftOutTable(result))
        .build();
  }
}
