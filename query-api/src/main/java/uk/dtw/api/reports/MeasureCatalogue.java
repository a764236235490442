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
import uk.dtw.api.snapshot.Snapshot;
import uk.dtw.api.sql.Queries;
import uk.dtw.api.sql.Table;

/**
 * The rankable measures as data: one line per measure in {@code views/measures.csv} (beside the
 * views that define them, in the warehouse module), so a new measure is a view and a line, not
 * code. Indicators ({@code indicator:<code>}) come from the warehouse's dim_indicator instead.
 */
public final class MeasureCatalogue {
  static final String RESOURCE = "views/measures.csv";
  static final String INDICATOR_PREFIX = "indicator:";
  static final String INDICATOR_SQL =
      "SELECT name, unit, polarity FROM dim_indicator WHERE indicator_code = ?";
  static final String INDICATORS_SQL = "SELECT indicator_code FROM dim_indicator ORDER BY 1";
  private static final Map<String, Measure> MEASURES = load();

  private MeasureCatalogue() {}

  /** Every catalogued measure, in catalogue order. */
  public static List<Measure> all() {
    return List.copyOf(MEASURES.values());
  }

  /** The catalogued measure a parameter names (any case), or a 400 listing the names. */
  public static Measure named(String parameter, String name) {
    if (name == null || name.isBlank()) {
      throw Errors.missing(
          parameter, "one of " + String.join(", ", names()) + ", or indicator:<code>");
    }
    Measure measure = MEASURES.get(name.strip().toLowerCase(Locale.ROOT));
    if (measure == null) {
      List<String> valid = new ArrayList<>(names());
      valid.add("indicator:<code>");
      throw Errors.unknownValue(parameter, name, valid);
    }
    return measure;
  }

  /**
   * A measure by name, where {@code indicator:<code>} is any indicator loaded into this snapshot's
   * dim_indicator: ranked on the indicator_partnership view, in its own polarity.
   */
  public static Measure resolve(Snapshot snapshot, String parameter, String name) {
    if (name == null || !name.strip().toLowerCase(Locale.ROOT).startsWith(INDICATOR_PREFIX)) {
      return named(parameter, name);
    }
    String code = name.strip().substring(INDICATOR_PREFIX.length()).strip();
    Table found = Queries.run(snapshot, INDICATOR_SQL, code);
    if (found.rows().isEmpty()) {
      List<String> known =
          Queries.run(snapshot, INDICATORS_SQL).column("indicator_code").stream()
              .map(c -> INDICATOR_PREFIX + c)
              .toList();
      throw Errors.unknownValue(parameter, name, known);
    }
    List<Object> d = found.rows().get(0);
    return new Measure(
        INDICATOR_PREFIX + code,
        String.valueOf(d.get(0)),
        "indicator_partnership",
        "figure",
        String.valueOf(d.get(1)),
        Polarity.parse(String.valueOf(d.get(2))),
        outputs("numerator denominator lower_95 upper_95 figure_source interval_source"),
        List.of("figure"),
        null,
        "period_code",
        null,
        "indicator_code",
        code);
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
      for (CSVRecord r :
          CSVFormat.RFC4180
              .builder()
              .setHeader()
              .setSkipHeaderRecord(true)
              .get()
              .parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        Measure m =
            new Measure(
                r.get("measure"),
                r.get("definition"),
                r.get("view"),
                r.get("value_column"),
                r.get("unit"),
                Polarity.parse(r.get("polarity")),
                outputs(r.get("outputs")),
                words(r.get("inputs")),
                blankToNull(r.get("zero_reason")),
                "financial_year",
                blankToNull(r.get("baseline_column")),
                null,
                null);
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
