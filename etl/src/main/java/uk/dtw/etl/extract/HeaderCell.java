package uk.dtw.etl.extract;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import uk.dtw.model.vocabulary.FinancialYear;
import uk.dtw.model.vocabulary.Words;

/**
 * What one header cell says: the canonical column it names (directly or through the alias table),
 * the financial year written in it ("PDUs in Treat't 08-9"), and whether it is a baseline.
 *
 * @param column canonical column, "derived:x", "ignore", or null when the words are not known
 * @param period the financial year as written in the header, or null
 */
public record HeaderCell(int index, String raw, String column, String period, boolean baseline) {
  static HeaderCell of(int index, String raw, List<String> knownColumns) {
    String text = raw.replace("\uFEFF", "").trim();
    String period = null;
    Optional<FinancialYear.Found> year = FinancialYear.find(text);
    if (year.isPresent()) {
      FinancialYear.Found y = year.get();
      period = text.substring(y.start(), y.end());
      text = (text.substring(0, y.start()) + " " + text.substring(y.end())).trim();
    }
    boolean baseline = Words.key(text).equals("baseline");
    String direct = CsvExtract.normaliseHeader(text);
    String column =
        knownColumns.contains(direct) ? direct : HeaderAliases.header(text).orElse(null);
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
