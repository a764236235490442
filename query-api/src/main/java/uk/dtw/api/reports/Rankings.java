package uk.dtw.api.reports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.dtw.api.errors.Errors;
import uk.dtw.api.snapshot.Snapshot;
import uk.dtw.api.sql.Column;
import uk.dtw.api.sql.Queries;
import uk.dtw.api.sql.Table;
import uk.dtw.model.vocabulary.Period;

/**
 * Partnerships ranked on a measure for one period, in its polarity's direction: the rank in scope
 * (a region or England), the national rank, the same two for the previous period, and the
 * partnerships in scope that could not be ranked, with why. Presentation is left to the reports.
 */
public final class Rankings {
  private Rankings() {}

  /** One ranked partnership; previous ranks are null when it had no value then. */
  public record Entry(
      Row row, int rank, int nationalRank, Integer previousRank, Integer previousNationalRank) {
    /** Places moved up since the previous period (negative: down); null without a previous rank. */
    public Integer movement() {
      return previousRank == null ? null : previousRank - rank;
    }
  }

  /** A partnership in scope without a value, and why. */
  public record LeftOut(String partnership, String reason) {}

  /**
   * Which values an output withholds (disclosure control): a partnership whose value it withholds
   * is not ranked, but left out, so no rank or gap in the ranks says where its value lies.
   */
  public interface Withholding {
    Withholding NONE = (measure, row, period, baseline) -> false;

    boolean withholds(Measure measure, Row row, String period, String baseline);
  }

  /** Why a partnership with a withheld value is left out. */
  public static final String WITHHELD =
      "withheld: a small number, or one that would give a small number away (docs/disclosure.md)";

  /**
   * @param baseline the baseline period a change is measured from, or null where none applies
   * @param previousBaseline the baseline used for the previous period's ranks, or null
   */
  public record Result(
      Measure measure,
      String period,
      String baseline,
      String previousPeriod,
      String previousBaseline,
      String region,
      List<Entry> entries,
      List<LeftOut> leftOut,
      int nationalRankedOf,
      int previousRankedOf,
      int previousNationalRankedOf,
      List<Column> sourceColumns) {
    public int rankedOf() {
      return entries.size();
    }

    /** The SQL type of a column of the measure's view, as Calcite reports it. */
    public String type(String column) {
      return sourceColumns.stream()
          .filter(c -> c.name().equals(column))
          .map(Column::type)
          .findFirst()
          .orElse("DOUBLE");
    }
  }

  /**
   * @param period canonical period (see {@link Period})
   * @param baseline canonical baseline period, or null for the default (the previous period)
   * @param region region name as {@link uk.dtw.api.vocabulary.Understood#region} returns it, or
   *     null for all of England
   */
  public static Result rank(
      Snapshot snapshot, Measure measure, String period, String baseline, String region) {
    return rank(snapshot, measure, period, baseline, region, Withholding.NONE);
  }

  /** As above, ranking only the values that {@code withholding} lets the output show. */
  public static Result rank(
      Snapshot snapshot,
      Measure measure,
      String period,
      String baseline,
      String region,
      Withholding withholding) {
    String effectiveBaseline =
        measure.takesBaseline() ? (baseline == null ? previous(period) : baseline) : null;
    Table source = Queries.run(snapshot, measure.sql(), measure.params(period, effectiveBaseline));
    List<Row> valued = new ArrayList<>();
    List<LeftOut> leftOut = new ArrayList<>();
    boolean anyValue = false;
    for (List<Object> values : source.rows()) {
      Row row = new Row(source, values);
      boolean hasValue = row.number(measure.valueColumn()) != null;
      anyValue |= hasValue;
      if (hasValue && !withholding.withholds(measure, row, period, effectiveBaseline)) {
        valued.add(row);
      } else if (inScope(row, region)) {
        leftOut.add(
            new LeftOut(row.text("partnership"), hasValue ? WITHHELD : reason(measure, row)));
      }
    }
    if (!anyValue) {
      List<String> known =
          Queries.run(snapshot, measure.periodsSql(), measure.periodsParams())
              .column("period")
              .stream()
              .map(String::valueOf)
              .toList();
      throw Errors.noData("period", period, known, "periods with " + measure.name() + " data");
    }
    leftOut.sort((a, b) -> a.partnership().compareTo(b.partnership()));

    String previousPeriod = previous(period);
    String previousBaseline =
        !measure.takesBaseline()
            ? null
            : baseline == null
                ? previous(previousPeriod)
                : baseline.compareTo(previousPeriod) < 0 ? baseline : null;
    List<Row> previous =
        measure.takesBaseline() && previousBaseline == null
            ? List.of()
            : valuedRows(snapshot, measure, previousPeriod, previousBaseline, withholding);
    Map<String, Integer> previousNational = ranksByArea(measure, previous);
    Map<String, Integer> previousInScope = ranksByArea(measure, scope(previous, region));
    Map<String, Integer> national = ranksByArea(measure, valued);

    List<Entry> entries = new ArrayList<>();
    for (Ranking.Ranked<Row> r : order(measure, scope(valued, region))) {
      String area = r.item().text("area_code");
      entries.add(
          new Entry(
              r.item(),
              r.rank(),
              national.get(area),
              previousInScope.get(area),
              previousNational.get(area)));
    }
    return new Result(
        measure,
        period,
        effectiveBaseline,
        previousPeriod,
        previousBaseline,
        region,
        entries,
        leftOut,
        valued.size(),
        scope(previous, region).size(),
        previous.size(),
        source.columns());
  }

  /** The period before: 2007-08 for 2008-09, 2007 for 2008. */
  static String previous(String period) {
    return Period.parse(period).orElseThrow().previous().code();
  }

  /** The left-out partnerships as a table of partnership and reason. */
  public static Table leftOutTable(Result result) {
    return new Table(
        List.of(new Column("partnership", "VARCHAR"), new Column("reason", "VARCHAR")),
        result.leftOut().stream().map(l -> List.<Object>of(l.partnership(), l.reason())).toList());
  }

  /** Names the inputs that are missing, or says why the value could not be computed from them. */
  static String reason(Measure measure, Row row) {
    List<String> missing = measure.inputs().stream().filter(c -> row.get(c) == null).toList();
    if (!missing.isEmpty()) {
      return "missing " + String.join(" and ", missing);
    }
    return measure.zeroReason() == null ? "no value" : measure.zeroReason();
  }

  private static List<Row> valuedRows(
      Snapshot snapshot, Measure measure, String period, String baseline, Withholding withholding) {
    Table source = Queries.run(snapshot, measure.sql(), measure.params(period, baseline));
    List<Row> rows = new ArrayList<>();
    for (List<Object> values : source.rows()) {
      Row row = new Row(source, values);
      if (row.number(measure.valueColumn()) != null
          && !withholding.withholds(measure, row, period, baseline)) {
        rows.add(row);
      }
    }
    return rows;
  }

  private static boolean inScope(Row row, String region) {
    return region == null || region.equals(row.text("region"));
  }

  private static List<Row> scope(List<Row> rows, String region) {
    return region == null ? rows : rows.stream().filter(r -> inScope(r, region)).toList();
  }

  private static List<Ranking.Ranked<Row>> order(Measure measure, List<Row> rows) {
    return Ranking.rank(
        rows,
        r -> r.number(measure.valueColumn()).doubleValue(),
        r -> r.text("partnership"),
        measure.polarity().descending());
  }

  private static Map<String, Integer> ranksByArea(Measure measure, List<Row> rows) {
    Map<String, Integer> ranks = new HashMap<>();
    for (Ranking.Ranked<Row> r : order(measure, rows)) {
      ranks.put(r.item().text("area_code"), r.rank());
    }
    return ranks;
  }
}
