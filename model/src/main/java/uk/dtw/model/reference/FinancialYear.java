package uk.dtw.model.reference;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A financial year, April to March, written {@code 2008-09}; parsed from the ways extracts write
 * it.
 */
public record FinancialYear(int startYear) implements Comparable<FinancialYear> {

  /** 2008-09, 2008/09, 2008/9, 2007-8, 2008-2009, 08/09, with any spaces around the separator. */
  private static final Pattern FORM =
      Pattern.compile("^(\\d{2}|\\d{4})\\s*[-/\u2013]\\s*(\\d{1,4})$");

  public FinancialYear {
    if (startYear < 1990 || startYear > 2099) {
      throw new IllegalArgumentException("financial year out of range: " + startYear);
    }
  }

  /** Parses a period as written, or empty if it is not a recognisable financial year. */
  public static Optional<FinancialYear> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = FORM.matcher(text.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    String first = m.group(1);
    String second = m.group(2);
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

  public LocalDate startDate() {
    return LocalDate.of(startYear, 4, 1);
  }

  public LocalDate endDate() {
    return LocalDate.of(startYear + 1, 3, 31);
  }

  public FinancialYear next() {
    return new FinancialYear(startYear + 1);
  }

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
