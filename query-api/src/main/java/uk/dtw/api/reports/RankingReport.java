package uk.dtw.api.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.dtw.api.sql.Column;
import uk.dtw.api.sql.Table;

/**
 * Partnerships ranked on any catalogued measure or indicator for one period, nationally or within a
 * region, with the previous period's ranks, the inputs, and those left out and why.
 */
public final class RankingReport {
  private RankingReport() {}

  /**
   * One partnership's figures as this report's table shows them, without ranks: what disclosure
   * control needs to decide whether its value may be ranked in public.
   */
  public static Table figures(Measure measure, Row row) {
    List<Column> columns = figureColumns(measure, column -> "DOUBLE");
    List<Object> values =
        new ArrayList<>(
            java.util.Arrays.asList(
                row.text("partnership"), row.text("region"), row.get(measure.valueColumn())));
    measure.outputs().values().forEach(column -> values.add(row.get(column)));
    return new Table(columns, List.of(values));
  }

  private static List<Column> figureColumns(
      Measure measure, java.util.function.Function<String, String> type) {
    List<Column> columns =
        new ArrayList<>(
            List.of(
                new Column("partnership", "VARCHAR"),
                new Column("region", "VARCHAR"),
                new Column("value", type.apply(measure.valueColumn()))));
    measure.outputs().forEach((name, column) -> columns.add(new Column(name, type.apply(column))));
    return columns;
  }

  public static Report build(Rankings.Result result, Integer limit) {
    Measure measure = result.measure();
    List<Column> columns =
        new ArrayList<>(
            List.of(new Column("rank", "INTEGER"), new Column("national_rank", "INTEGER")));
    columns.addAll(figureColumns(measure, result::type));
    columns.addAll(
        List.of(
            new Column("previous_rank", "INTEGER"),
            new Column("previous_national_rank", "INTEGER"),
            new Column("movement", "INTEGER")));
    List<List<Object>> rows = new ArrayList<>();
    for (Rankings.Entry e : result.entries()) {
      if (limit != null && rows.size() >= limit) {
        break;
      }
      List<Object> out =
          new ArrayList<>(
              java.util.Arrays.asList(
                  e.rank(), e.nationalRank(), e.row().text("partnership"), e.row().text("region")));
      out.add(e.row().get(measure.valueColumn()));
      measure.outputs().values().forEach(column -> out.add(e.row().get(column)));
      out.add(e.previousRank());
      out.add(e.previousNationalRank());
      out.add(e.movement());
      rows.add(out);
    }
    return Report.named("rankings")
        .meta("measure", measure.name())
        .meta("definition", measure.definition())
        .meta("period", result.period())
        .meta("baseline", result.baseline())
        .meta("previous_period", result.previousPeriod())
        .meta("region", result.region())
        .meta("polarity", measure.polarity().code())
        .meta("order", measure.polarity().order())
        .meta("units", units(measure))
        .meta("ranked_of", result.rankedOf())
        .meta("national_ranked_of", result.nationalRankedOf())
        .meta("previous_ranked_of", result.previousRankedOf())
        .table("rows", new Table(columns, rows))
        .table("left_out", Rankings.leftOutTable(result))
        .build();
  }

  private static Map<String, String> units(Measure measure) {
    Map<String, String> units = new LinkedHashMap<>();
    units.put("value", measure.unit());
    units.put("movement", "places up since the previous period (negative: down)");
    return units;
  }
}
