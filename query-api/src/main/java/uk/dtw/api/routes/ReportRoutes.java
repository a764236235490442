package uk.dtw.api.routes;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.dtw.api.disclosure.ProvenanceDisclosure;
import uk.dtw.api.disclosure.PublicOutput;
import uk.dtw.api.errors.Errors;
import uk.dtw.api.reports.BreakdownReport;
import uk.dtw.api.reports.BullseyeReport;
import uk.dtw.api.reports.Catalog;
import uk.dtw.api.reports.Choices;
import uk.dtw.api.reports.EffectiveChangeTopReport;
import uk.dtw.api.reports.FundingArea;
import uk.dtw.api.reports.FundingReport;
import uk.dtw.api.reports.IndicatorComparisonReport;
import uk.dtw.api.reports.Measure;
import uk.dtw.api.reports.MeasureCatalogue;
import uk.dtw.api.reports.PenetrationComparisonReport;
import uk.dtw.api.reports.PenetrationTableReport;
import uk.dtw.api.reports.PrevalenceChangeReport;
import uk.dtw.api.reports.Provenance;
import uk.dtw.api.reports.RankingReport;
import uk.dtw.api.reports.Rankings;
import uk.dtw.api.reports.TargetsReport;
import uk.dtw.api.snapshot.Snapshot;
import uk.dtw.api.snapshot.SnapshotSource;
import uk.dtw.api.vocabulary.Partnership;
import uk.dtw.api.vocabulary.Understood;

/**
 * The named reports: health, rankings, funding, targets and the rest. Parameters are read and
 * checked here.
 */
final class ReportRoutes {
  static final int MAX_LIMIT = 10_000;
  static final int DEFAULT_TOP = 10;

  private ReportRoutes() {}

  static void health(Context ctx, Snapshot snapshot) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", "ok");
    body.put("warehouse_version", snapshot.version());
    body.put("endpoints", Routes.lines(uk.dtw.api.access.Access.role(ctx)));
    Output.json(ctx, body);
  }

  /**
   * Health while no load has committed (serve --wait-for-first-load): up, but with nothing to
   * answer from yet.
   */
  static void waiting(Context ctx) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", "loading");
    body.put("warehouse_version", null);
    body.put(
        "message",
        "no load into this warehouse has committed yet: the reports answer 503 (Retry-After "
            + Errors.FIRST_LOAD_RETRY_SECONDS
            + " s) until the first one does, then answer from it without a restart");
    body.put("endpoints", Routes.lines(uk.dtw.api.access.Access.role(ctx)));
    Output.json(ctx, body);
  }

  static void choices(Context ctx, Snapshot snapshot) {
    Output.json(ctx, Choices.of(snapshot));
  }

  static void catalog(Context ctx, Snapshot snapshot) {
    Output.json(ctx, Catalog.of(snapshot.as(uk.dtw.api.access.Access.role(ctx))));
  }

  /** Where a figure came from; earlier versions are opened from the same source for revisions. */
  static void provenance(Context ctx, Snapshot snapshot, SnapshotSource source) {
    Partnership area =
        Understood.partnership(snapshot, "partnership", ctx.queryParam("partnership"));
    String figure = Params.optional(ctx, "figure");
    String text = ctx.queryParam("period");
    String period =
        figure != null && figure.strip().startsWith("indicator:")
            ? Understood.period("period", text).code()
            : Understood.financialYear("period", text).code();
    Output.json(
        ctx,
        ProvenanceDisclosure.apply(
            Provenance.of(snapshot, area, period, figure, source::acquire),
            PublicOutput.of(ctx),
            Output.DISCLOSURE.config()));
  }

  static void rankings(Context ctx, Snapshot snapshot) {
    Output output = Output.of(ctx);
    Measure measure = Measures.resolve(snapshot, "measure", ctx.queryParam("measure"));
    String period = Measures.period(measure, ctx.queryParam("period"));
    String baseline = Measures.baseline(measure, period, Params.optional(ctx, "baseline"));
    Integer limit = Params.boundedInt(ctx, "limit", 1, MAX_LIMIT);
    String region = region(ctx, snapshot);
    output.send(
        ctx,
        RankingReport.build(
            Rankings.rank(
                snapshot, measure, period, baseline, region, Output.ranked(ctx, snapshot)),
            limit),
        snapshot);
  }

  static void penetrationTable(Context ctx, Snapshot snapshot) {
    Output output = Output.of(ctx);
    String period = Understood.financialYear("period", ctx.queryParam("period")).code();
    output.send(
        ctx,
        PenetrationTableReport.build(
            snapshot, period, region(ctx, snapshot), Output.ranked(ctx, snapshot)),
        snapshot);
  }

  static void effectiveChangeTop(Context ctx, Snapshot snapshot) {
    Output output = Output.of(ctx);
    Measure change = MeasureCatalogue.named("measure", "effective_change");
    String period = Understood.financialYear("period", ctx.queryParam("period")).code();
    String baseline = Measures.baseline(change, period, Params.optional(ctx, "baseline"));
    Integer limit = Params.boundedInt(ctx, "limit", 1, MAX_LIMIT);
    output.send(
        ctx,
        EffectiveChangeTopReport.build(
            snapshot,
            period,
            baseline,
            region(ctx, snapshot),
            limit == null ? DEFAULT_TOP : limit,
            Output.ranked(ctx, snapshot)),
        snapshot);
  }

  static void penetration(Context ctx, Snapshot snapshot) {
    Output output = Output.of(ctx);
    String group = Params.optional(ctx, "drug_group");
    // Penetration is measured against the PDU estimate only: any spelling of pdu, nothing else.
    if (group != null && !Understood.code("drug_group", "drug_group", group).equals("pdu")) {
      throw Errors.unknownValue("drug_group", group, List.of("pdu"));
    }
    List<String> names = Params.list(ctx, "partnership");
    if (names.isEmpty()) {
      throw Errors.missing(
          "partnership", "one or more partnership names, repeated or comma-separated");
    }
    List<String> periods =
        Params.list(ctx, "period").stream()
            .map(p -> Understood.financialYear("period", p).code())
            .distinct()
            .toList();
    if (periods.isEmpty()) {
      throw Errors.missing(
          "period", uk.dtw.model.vocabulary.Period.EXPECTED + "; several may be given");
    }
    List<Partnership> found =
        names.stream().map(n -> Understood.partnership(snapshot, "partnership", n)).toList();
    output.send(ctx, PenetrationComparisonReport.build(snapshot, found, periods), snapshot);
  }

  static void indicatorCompare(Context ctx, Snapshot snapshot) {
    Output output = Output.of(ctx);
    IndicatorComparisonReport.Indicator indicator =
        IndicatorComparisonReport.resolve(snapshot, "indicator", Params.optional(ctx, "indicator"));
    List<String> names = Params.list(ctx, "partnership");
    if (names.isEmpty()) {
      throw Errors.missing(
          "partnership", "one or more partnership names, repeated or comma-separated");
    }
    String period = Understood.period("period", Params.optional(ctx, "period")).code();
    IndicatorComparisonReport.checkPeriod(snapshot, indicator, "period", period);
    List<Partnership> found =
        names.stream().map(n -> Understood.partnership(snapshot, "partnership", n)).toList();
    output.send(ctx, IndicatorComparisonReport.build(snapshot, indicator, found, period), snapshot);
  }

  static void bullseye(Context ctx, Snapshot snapshot) {
    Output output = Output.of(ctx);
    Partnership found =
        Understood.partnership(snapshot, "partnership", Params.optional(ctx, "partnership"));
    output.send(ctx, BullseyeReport.build(snapshot, found), snapshot);
  }

  static void breakdown(Context ctx, Snapshot snapshot) {
    Output output = Output.of(ctx);
    Partnership found =
        Understood.partnership(snapshot, "partnership", Params.optional(ctx, "partnership"));
    String period = Understood.financialYear("period", ctx.queryParam("period")).code();
    String dimension = Params.optional(ctx, "dimension");
    if (dimension != null && !BreakdownReport.DIMENSIONS.contains(dimension)) {
      throw Errors.unknownValue("dimension", dimension, BreakdownReport.DIMENSIONS);
    }
    output.send(ctx, BreakdownReport.build(snapshot, found, period, dimension), snapshot);
  }

  static void prevalenceChange(Context ctx, Snapshot snapshot) {
    Output output = Output.of(ctx);
    Partnership found =
        Understood.partnership(snapshot, "partnership", Params.optional(ctx, "partnership"));
    String from = Understood.financialYear("from", ctx.queryParam("from")).code();
    String to = Understood.financialYear("to", ctx.queryParam("to")).code();
    if (from.compareTo(to) >= 0) {
      throw Errors.conflicting("from", from, "a financial year before to (" + to + ")");
    }
    output.send(ctx, PrevalenceChangeReport.build(snapshot, found, from, to), snapshot);
  }

  /** The {@code region} parameter as the warehouse names it, or null for all of England. */
  static String region(Context ctx, Snapshot snapshot) {
    String region = Params.optional(ctx, "region");
    return region == null ? null : Understood.region(snapshot, "region", region);
  }

  static void funding(Context ctx, Snapshot snapshot) {
    Output output = Output.of(ctx);
    FundingArea area =
        FundingArea.resolve(
            snapshot,
            Params.optional(ctx, "partnership"),
            Params.optional(ctx, "region"),
            Params.optional(ctx, "scope"));
    output.send(ctx, FundingReport.build(snapshot, area), snapshot);
  }

  static void targets(Context ctx, Snapshot snapshot) {
    Output output = Output.of(ctx);
    Partnership found =
        Understood.partnership(snapshot, "partnership", Params.optional(ctx, "partnership"));
    output.send(
        ctx, TargetsReport.build(snapshot, found, Params.optional(ctx, "measure")), snapshot);
  }
}
