package uk.dtw.model.vocabulary;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A financial year, April to March, written {@code 2008-09}; read from every way extracts and
 * analysts write it (docs/extracts.md, "Period").
 */
public record FinancialYear(int startYear) implements Period, Comparable<FinancialYear> {

  /**
   * Two years and a separator: 2008-09, 2008/09, 2008/9, 2007-8, 2008-2009, 08/09, 2008–09 (en or
   * em dash, as word processors write it), 2008_09 (as file names write it), spaces allowed.
   */
  private static final String YEARS = "(\\d{2}|\\d{4})\\s*[-/_\u2010-\u2015\u2212]\\s*(\\d{1,4})";

  private static final Pattern WHOLE = Pattern.compile(YEARS);
  private static final Pattern INSIDE = Pattern.compile("(?<![0-9])" + YEARS + "(?![0-9])");

  public FinancialYear {
    if (startYear < 1990 || startYear > 2099) {
      throw new IllegalArgumentException("financial year out of range: " + startYear);
    }
  }

  /** A period as written, or empty if it is not a recognisable financial year. */
  public static Optional<FinancialYear> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = WHOLE.matcher(text.strip());
    return m.matches() ? of(m.group(1), m.group(2)) : Optional.empty();
  }

  /** A financial year written inside other words ("PDUs in Treat't 08-9", "treatment_2008_09"). */
  public static Optional<Found> find(String text) {
    Matcher m = INSIDE.matcher(text);
    while (m.find()) {
      Optional<FinancialYear> year = of(m.group(1), m.group(2));
      if (year.isPresent()) {
        return Optional.of(new Found(year.get(), m.start(), m.end()));
      }
    }
    return Optional.empty();
  }

  /** Where {@link #find} saw a year: {@code text.substring(start, end)} is how it was written. */
  public record Found(FinancialYear year, int start, int end) {}

  /**
   * A period with one stray keystroke, such as {@code 20010-11}, read as the only financial year
   * that deleting a single digit can make; {@code 2008-10} could be 2008-09 or 2009-10, so it stays
   * empty. Empty too when the text already parses: a correction is always worth a warning.
   */
  public static Optional<FinancialYear> correctTypo(String text) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty() || parse(t).isPresent()) {
      return Optional.empty();
    }
    Set<FinancialYear> fits = new HashSet<>();
    for (int i = 0; i < t.length(); i++) {
      if (Character.isDigit(t.charAt(i))) {
        parse(t.substring(0, i) + t.substring(i + 1)).ifPresent(fits::add);
      }
    }
    return fits.size() == 1 ? Optional.of(fits.iterator().next()) : Optional.empty();
  }

  /** Every spelling the ETL accepts, a corrected typing slip included: what the API accepts too. */
  public static Optional<FinancialYear> read(String text) {
    return parse(text).or(() -> correctTypo(text));
  }

  private static Optional<FinancialYear> of(String first, String second) {
    int start = first.length() == 2 ? 2000 + Integer.parseInt(first) : Integer.parseInt(first);
    if (start < 1990 || start > 2099) {
      return Optional.empty();
    }
    int end = Integer.parseInt(second);
    // The end year is written with 1, 2 or 4 digits; it must be the year after the start.
    int expected = start + 1;
    boolean ok =
        switch (second.length()) {
          case 1 -> end == expected % 10;
          case 2 -> end == expected % 100;
          case 4 -> end == expected;
          default -> false;
        };
    return ok ? Optional.of(new FinancialYear(start)) : Optional.empty();
  }

  /** The financial year a date falls in (April to March). */
  public static FinancialYear containing(LocalDate date) {
    return new FinancialYear(date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1);
  }

  @Override
  public String code() {
    return toString();
  }

  @Override
  public LocalDate startDate() {
    return LocalDate.of(startYear, 4, 1);
  }

  @Override
  public LocalDate endDate() {
    return LocalDate.of(startYear + 1, 3, 31);
  }

  public FinancialYear next() {
    return new FinancialYear(startYear + 1);
  }

  @Override
  public FinancialYear previous() {
    return new FinancialYear(startYear - 1);
  }

  @Override
  public int compareTo(FinancialYear o) {
    return Integer.compare(startYear, o.startYear);
  }

  @Override
  public String toString() {
    return String.format("%d-%02d", startYear, (startYear + 1) % 100);
  }
}
