package uk.dtw.api.reports;

import java.util.List;
import java.util.Map;
import uk.dtw.api.errors.Errors;
import uk.dtw.api.snapshot.Snapshot;
import uk.dtw.api.sql.Queries;
import uk.dtw.api.sql.Table;

/**
 * A partnership's treatment funding profile: the source lines as reported and, per year, the
 * computed total beside the reported one. Where they disagree the difference is shown, not fixed.
 */
public final class FundingReport {
    static final String PARTNERSHIPS_SQL =
            "SELECT DISTINCT area_code, partnership FROM partnership WHERE partnership IS NOT NULL";
    static final String LINES_SQL = "SELECT financial_year AS \"period\", source_code, source_name, amount_gbp, note"
            + " FROM funding WHERE area_code = ? ORDER BY financial_year, sort_order";
    static final String TOTALS_SQL = "SELECT financial_year AS \"period\", computed_total_gbp, reported_total_gbp,"
            + " difference_gbp, change_pct FROM funding_total WHERE area_code = ? ORDER BY financial_year";

    private FundingReport() {
    }

    public static Report build(Snapshot snapshot, String partnership) {
        if (partnership == null || partnership.isBlank()) {
            throw Errors.missing("partnership", "a partnership name such as Gateshead");
        }
        Table known = Queries.run(snapshot, PARTNERSHIPS_SQL);
        List<String> names = known.column("partnership").stream().map(String::valueOf).distinct().toList();
        NameMatcher matcher = new NameMatcher(names);
        String name = matcher.match(partnership)
                .orElseThrow(() -> Errors.unknownName("partnership", partnership, matcher.closest(partnership, 3)));
        String areaCode = areaCode(known, name);
        return Report.named("funding")
                .meta("partnership", name)
                .meta("area_code", areaCode)
                .meta("units", Map.of("amount_gbp", "GBP", "computed_total_gbp", "GBP",
                        "reported_total_gbp", "GBP", "difference_gbp", "GBP (reported minus computed)",
                        "change_pct", "percent change of computed_total_gbp on the previous period"))
                .table("lines", Queries.run(snapshot, LINES_SQL, areaCode))
                .table("totals", Queries.run(snapshot, TOTALS_SQL, areaCode))
                .build();
    }

    /**
     * The area code a name belongs to. The partnership view gives each name one code; should a
     * name ever carry two, the smallest is taken so the answer is at least stable.
     */
    private static String areaCode(Table known, String name) {
        int nameAt = known.index("partnership");
        int codeAt = known.index("area_code");
        return known.rows().stream().filter(r -> name.equals(r.get(nameAt)))
                .map(r -> String.valueOf(r.get(codeAt))).sorted().findFirst().orElseThrow();
    }
}
