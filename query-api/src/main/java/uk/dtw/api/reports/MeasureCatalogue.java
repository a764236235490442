package uk.dtw.api.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import uk.dtw.api.errors.Errors;

/**
 * The rankable measures as data: one line per measure in {@code views/measures.csv} (beside the
 * views that define them, in the warehouse module), so a new measure is a view and a line, not code.
 * Indicators ({@code indicator:<code>}) come from the warehouse's dim_indicator instead.
 */
public final class MeasureCatalogue {
    static final String RESOURCE = "views/measures.csv";
    private static final Map<String, Measure> MEASURES = load();

    private MeasureCatalogue() {
    }

    /** Every catalogued measure, in catalogue order. */
    public static List<Measure> all() {
        return List.copyOf(MEASURES.values());
    }

    /** The catalogued measure a parameter names (any case), or a 400 listing the names. */
    public static Measure named(String parameter, String name) {
        if (name == null || name.isBlank()) {
            throw Errors.missing(parameter, "one of " + String.join(", ", names()) + ", or indicator:<code>");
        }
        Measure measure = MEASURES.get(name.strip().toLowerCase(Locale.ROOT));
        if (measure == null) {
            List<String> valid = new ArrayList<>(names());
            valid.add("indicator:<code>");
            throw Errors.unknownValue(parameter, name, valid);
        }
        return measure;
    }

    public static List<String> names() {
        return List.copyOf(MEASURES.keySet());
    }

    private static Map<String, Measure> load() {
        Map<String, Measure> measures = new LinkedHashMap<>();
        try (InputStream in = MeasureCatalogue.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath (warehouse module)");
            }
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                Measure m = new Measure(r.get("measure"), r.get("definition"), r.get("view"), r.get("value_column"),
                        r.get("unit"), Polarity.parse(r.get("polarity")), outputs(r.get("outputs")),
                        words(r.get("inputs")), blankToNull(r.get("zero_reason")), "financial_year",
                        blankToNull(r.get("baseline_column")), null, null);
                measures.put(m.name(), m);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return measures;
    }

    /** {@code a b=c}: column a out as a, column c out as b. */
    private static Map<String, String> outputs(String text) {
        Map<String, String> outputs = new LinkedHashMap<>();
        for (String word : words(text)) {
            String[] parts = word.split("=", 2);
            outputs.put(parts[0], parts.length == 2 ? parts[1] : parts[0]);
        }
        return outputs;
    }

    private static List<String> words(String text) {
        return text.isBlank() ? List.of() : List.of(text.strip().split("\\s+"));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
