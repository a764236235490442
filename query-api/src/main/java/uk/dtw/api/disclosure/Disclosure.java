package uk.dtw.api.disclosure;

import java.util.LinkedHashMap;
import java.util.Map;
import uk.dtw.api.reports.RankingReport;
import uk.dtw.api.reports.Rankings;
import uk.dtw.api.reports.Report;
import uk.dtw.api.sql.Table;

/**
 * The one place disclosure control is applied: a report's tables as they become output, by the
 * rules of {@link Rules}, when the output is public. Reports compute true figures; this withholds
 * what a public reader may not see, so no report can forget to.
 */
public final class Disclosure {
  private final DisclosureConfig config;

  public Disclosure(DisclosureConfig config) {
    this.config = config;
  }

  public DisclosureConfig config() {
    return config;
  }

  /**
   * The report as a public reader may see it, or unchanged when the output is not public.
   *
   * @param families the secondary suppressions of partnership counts in the report's snapshot
   */
  public Report apply(
      Report report, boolean publicOutput, java.util.function.Supplier<Families> families) {
    if (!publicOutput) {
      return report;
    }
    String key = key(report);
    Report.Builder out = Report.named(report.name());
    report.metadata().forEach(out::meta);
    out.meta("disclosure", describe());
    for (Map.Entry<String, Table> t : report.tables().entrySet()) {
      out.table(
          t.getKey(),
          new TableSuppressor(config, key, t.getKey(), t.getValue(), report.metadata(), families)
              .apply());
    }
    return out.build();
  }

  /**
   * The values a public ranking withholds, decided by the rankings' own rules one partnership at a
   * time (a ranking's table has no groups, so a row's decision does not depend on the others): a
   * withheld value is left out of the ranking rather than shown as a rank beside a symbol, so
   * neither its rank nor a gap in the ranks places it between two visible values.
   */
  public Rankings.Withholding rankedValues(java.util.function.Supplier<Families> families) {
    return (measure, row, period, baseline) -> {
      Map<String, Object> metadata = new java.util.HashMap<>();
      metadata.put("period", period);
      metadata.put("baseline", baseline);
      Table one =
          new TableSuppressor(
                  config,
                  rankingsKey(measure.name()),
                  "rows",
                  RankingReport.figures(measure, row),
                  metadata,
                  families)
              .apply();
      return one.rows().get(0).get(one.index("value")) instanceof Suppressed;
    };
  }

  /** What a reader is told: the rule and its settings, in the report's metadata. */
  public Map<String, Object> describe() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put(
        "rule",
        "counts of people from record-level data from 1 to "
            + (config.threshold() - 1)
            + " are suppressed, with the rates, shares and changes built on them, and further"
            + " cells where a total would give a suppressed one away (docs/disclosure.md)");
    d.put("threshold", config.threshold());
    d.put("symbol", config.symbol());
    return d;
  }

  /** The rules' name for a report: rankings are classified per measure (indicators as one). */
  static String key(Report report) {
    if (!report.name().equals("rankings")) {
      return report.name();
    }
    return rankingsKey(String.valueOf(report.metadata().get("measure")));
  }

  private static String rankingsKey(String measure) {
    return "rankings:" + (measure.startsWith("indicator:") ? "indicator" : measure);
  }
}
