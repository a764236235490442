package uk.dtw.api.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import uk.dtw.api.errors.Errors;
import uk.dtw.api.snapshot.Snapshot;
import uk.dtw.api.sql.Column;
import uk.dtw.api.sql.Queries;
import uk.dtw.api.sql.Table;

/**
 * Partnerships ranked high to low on a measure for one period, nationally or within a region,
 * with those that could not be ranked listed beside them and why.
 */
public final class RankingReport {
    static final String REGIONS_SQL =
            "SELECT DISTINCT region FROM partnership WHERE region IS NOT NULL ORDER BY region";

    private RankingReport() {
    }

    /**
     * @param period canonical period (see {@link Period})
     * @param region region name in any case, or null for all of England
     * @param limit  most rows to return, or null for all
     */
    public static Report build(Snapshot snapshot, Measure measure, String period, String region, Integer limit) {
        String regionName = region == null ? null : resolveRegion(snapshot, region);
        Table source = Queries.run(snapshot, measure.sql(), period);
        if (source.rows().isEmpty()) {
            List<String> known = Queries.run(snapshot, measure.periodsSql()).column("period")
                    .stream().map(String::valueOf).toList();
            throw Errors.noData("period", period, known, "periods with " + measure.name() + " data");
        }
        List<Row> ranked = new ArrayList<>();
        List<List<Object>> leftOut = new ArrayList<>();
        for (List<Object> values : source.rows()) {
            Row row = new Row(source, values);
            if (row.number(measure.valueColumn()) != null) {
                ranked.add(row);
            } else if (regionName == null || regionName.equals(row.text("region"))) {
                leftOut.add(List.of(row.text("partnership"), reason(measure, row)));
            }
        }
        Map<Row, Integer> nationalRank = new LinkedHashMap<>();
        for (Ranking.Ranked<Row> r : rank(measure, ranked)) {
            nationalRank.put(r.item(), r.rank());
        }
        List<Row> inScope = regionName == null ? ranked
                : ranked.stream().filter(r -> regionName.equals(r.text("region"))).toList();
        List<List<Object>> rows = new ArrayList<>();
        for (Ranking.Ranked<Row> r : rank(measure, inScope)) {
            if (limit != null && rows.size() >= limit) {
                break;
            }
            rows.add(output(measure, r, nationalRank.get(r.item())));
        }
        return Report.named("rankings")
                .meta("measure", measure.name())
                .meta("period", period)
                .meta("region", regionName)
                .meta("order", "high to low; ties share a rank (1, 2, 2, 4)")
                .meta("units", Map.of("value", measure.unit()))
                .meta("ranked_of", inScope.size())
                .table("rows", new Table(columns(measure, source), rows))
                .table("left_out", new Table(List.of(new Column("partnership", "VARCHAR"),
                        new Column("reason", "VARCHAR")), leftOut))
                .build();
    }

    private static List<Ranking.Ranked<Row>> rank(Measure measure, List<Row> rows) {
        return Ranking.descending(rows, r -> r.number(measure.valueColumn()).doubleValue(),
                r -> r.text("partnership"));
    }

    private static List<Object> output(Measure measure, Ranking.Ranked<Row> r, int nationalRank) {
        Row row = r.item();
        List<Object> out = new ArrayList<>();
        out.add(r.rank());
        out.add(nationalRank);
        out.add(row.text("partnership"));
        out.add(row.text("region"));
        out.add(row.get(measure.valueColumn()));
        for (String column : measure.extras().values()) {
            out.add(row.get(column));
        }
        return out;
    }

    private static List<Column> columns(Measure measure, Table source) {
        List<Column> columns = new ArrayList<>(List.of(new Column("rank", "INTEGER"),
                new Column("national_rank", "INTEGER"), new Column("partnership", "VARCHAR"),
                new Column("region", "VARCHAR"),
                new Column("value", source.columns().get(source.index(measure.valueColumn())).type())));
        for (Map.Entry<String, String> e : measure.extras().entrySet()) {
            columns.add(new Column(e.getKey(), source.columns().get(source.index(e.getValue())).type()));
        }
        return columns;
    }

    /** Names the inputs that are missing, or says why the value could not be computed from them. */
    static String reason(Measure measure, Row row) {
        List<String> missing = measure.inputs().stream().filter(c -> row.get(c) == null).toList();
        return missing.isEmpty() ? measure.otherwiseMissing() : "missing " + String.join(" and ", missing);
    }

    private static String resolveRegion(Snapshot snapshot, String region) {
        List<String> regions = Queries.run(snapshot, REGIONS_SQL).column("region")
                .stream().map(String::valueOf).toList();
        String wanted = region.strip().toLowerCase(Locale.ROOT);
        return regions.stream().filter(r -> r.toLowerCase(Locale.ROOT).equals(wanted)).findFirst()
                .orElseThrow(() -> Errors.unknownValue("region", region, regions));
    }
}
