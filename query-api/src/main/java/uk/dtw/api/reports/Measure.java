package uk.dtw.api.reports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import uk.dtw.api.errors.Errors;

/**
 * A measure partnerships are ranked on, read from the view that defines it: which column is the
 * value, which columns go out beside it (output name to view column), and which inputs it needs.
 */
public record Measure(String name, String view, String valueColumn, String unit,
                      Map<String, String> extras, List<String> inputs, String otherwiseMissing) {

    public Measure {
        extras = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extras));
        inputs = List.copyOf(inputs);
    }

    public static final Measure PENETRATION = new Measure("penetration", "penetration", "penetration_pct",
            "percent", ordered("pdu_estimate", "pdu_estimate", "pdus_in_treatment", "pdus_in_treatment"),
            List.of("pdu_estimate", "pdus_in_treatment"), "pdu_estimate is 0");

    public static final Measure EFFECTIVE_CHANGE = new Measure("effective_change", "effective_change",
            "change_pct", "percent",
            ordered("previous_period", "previous_year",
                    "previous_count", "previous_pdus_in_effective_treatment",
                    "count", "pdus_in_effective_treatment"),
            List.of("pdus_in_effective_treatment", "previous_pdus_in_effective_treatment"),
            "previous_pdus_in_effective_treatment is 0");

    public static final List<Measure> ALL = List.of(PENETRATION, EFFECTIVE_CHANGE);

    /** The measure a {@code measure} parameter names. */
    public static Measure named(String name) {
        if (name == null || name.isBlank()) {
            throw Errors.missing("measure", "one of " + names());
        }
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        for (Measure m : ALL) {
            if (m.name.equals(wanted)) {
                return m;
            }
        }
        throw Errors.unknownValue("measure", name, ALL.stream().map(Measure::name).toList());
    }

    /**
     * The one query this measure's rankings run, prepared once per snapshot. The views say
     * {@code financial_year} (PERIOD is reserved in Calcite SQL); the API keeps the word period.
     */
    public String sql() {
        StringBuilder sql = new StringBuilder("SELECT partnership, region, ").append(valueColumn);
        for (String column : extras.values()) {
            sql.append(", ").append(column);
        }
        return sql.append(" FROM ").append(view).append(" WHERE financial_year = ?").toString();
    }

    public String periodsSql() {
        return "SELECT DISTINCT financial_year AS \"period\" FROM " + view
                + " WHERE financial_year IS NOT NULL ORDER BY 1";
    }

    private static String names() {
        return String.join(", ", ALL.stream().map(Measure::name).toList());
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
