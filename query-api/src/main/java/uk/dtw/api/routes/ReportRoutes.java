package uk.dtw.api.routes;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.dtw.api.reports.EffectiveChangeTopReport;
import uk.dtw.api.reports.FundingReport;
import uk.dtw.api.reports.MeasureCatalogue;
import uk.dtw.api.reports.PenetrationTableReport;
import uk.dtw.api.reports.Measure;
import uk.dtw.api.reports.Period;
import uk.dtw.api.reports.RankingReport;
import uk.dtw.api.reports.Rankings;
import uk.dtw.api.snapshot.Snapshot;

/** The named reports: health, rankings and funding. Parameters are read and checked here. */
final class ReportRoutes {
    static final int MAX_LIMIT = 10_000;
    static final int DEFAULT_TOP = 10;

    private ReportRoutes() {
    }

    static void health(Context ctx, Snapshot snapshot) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("warehouse_version", snapshot.version());
        body.put("endpoints", Routes.ENDPOINTS);
        Output.json(ctx, body);
    }

    static void rankings(Context ctx, Snapshot snapshot) {
        Output output = Output.of(ctx);
        Measure measure = Measures.resolve(snapshot, "measure", ctx.queryParam("measure"));
        String period = Measures.period(measure, ctx.queryParam("period"));
        String baseline = Measures.baseline(measure, period, Params.optional(ctx, "baseline"));
        Integer limit = Params.boundedInt(ctx, "limit", 1, MAX_LIMIT);
        String region = region(ctx, snapshot);
        output.send(ctx, RankingReport.build(Rankings.rank(snapshot, measure, period, baseline, region), limit),
                snapshot.version());
    }

    static void penetrationTable(Context ctx, Snapshot snapshot) {
        Output output = Output.of(ctx);
        String period = Period.parse(ctx.queryParam("period"));
        output.send(ctx, PenetrationTableReport.build(snapshot, period, region(ctx, snapshot)), snapshot.version());
    }

    static void effectiveChangeTop(Context ctx, Snapshot snapshot) {
        Output output = Output.of(ctx);
        Measure change = MeasureCatalogue.named("measure", "effective_change");
        String period = Period.parse(ctx.queryParam("period"));
        String baseline = Measures.baseline(change, period, Params.optional(ctx, "baseline"));
        Integer limit = Params.boundedInt(ctx, "limit", 1, MAX_LIMIT);
        output.send(ctx, EffectiveChangeTopReport.build(snapshot, period, baseline, region(ctx, snapshot),
                limit == null ? DEFAULT_TOP : limit), snapshot.version());
    }

    /** The {@code region} parameter as the warehouse names it, or null for all of England. */
    static String region(Context ctx, Snapshot snapshot) {
        String region = Params.optional(ctx, "region");
        return region == null ? null : Rankings.resolveRegion(snapshot, region);
    }

    static void funding(Context ctx, Snapshot snapshot) {
        Output output = Output.of(ctx);
        String partnership = Params.optional(ctx, "partnership");
        output.send(ctx, FundingReport.build(snapshot, partnership), snapshot.version());
    }
}
