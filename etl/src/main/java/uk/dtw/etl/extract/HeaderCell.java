package uk.dtw.etl.extract;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.dtw.model.reference.FinancialYear;

/**
 * What one header cell says: the canonical column it names (directly or through the alias table),
 * the financial year written in it ("PDUs in Treat't 08-9"), and whether it is a baseline.
 *
 * @param column canonical column, "derived:x", "ignore", or null when the words are not known
 * @param period the financial year as written in the header, or null
 */
public record HeaderCell(int index, String raw, String column, String period, boolean baseline) {
  private static final Pattern YEAR =
      Pattern.compile("(?<![0-9])(\\d{2}|\\d{4})\\s*[-/\u2013]\\s*(\\d{1,4})(?![0-9])");

  static HeaderCell of(int index, String raw, List<String> knownColumns) {
    String text = raw.replace("\uFEFF", "").trim();
    String period = null;
    Matcher m = YEAR.matcher(text);
    if (m.find() && FinancialYear.parse(m.group()).isPresent()) {
      period = m.group();
      text = (text.substring(0, m.start()) + " " + text.substring(m.end())).trim();
    }
    boolean baseline = Aliases.key(text).equals("baseline");
    String direct = CsvExtract.normaliseHeader(text);
    String column = knownColumns.contains(direct) ? direct : Aliases.header(text).orElse(null);
    if (baseline || text.isEmpty()) {
      column = null;
    }
    return new HeaderCell(index, raw, column, period, baseline);
  }

  /**
   * A column that only names a year (or "2007/08 Baseline"): the shape of wide, year-across tables.
   */
  boolean yearOnly() {
    return period != null && column == null && (baseline || words().isEmpty());
  }

  boolean derived() {
    return column != null && column.startsWith("derived:");
  }

  boolean ignored() {
    return "ignore".equals(column);
  }

  String words() {
    return Optional.ofNullable(period)
        .map(p -> raw.replace(p, ""))
        .orElse(raw)
        .trim()
        .toLowerCase(Locale.ROOT);
  }
}
