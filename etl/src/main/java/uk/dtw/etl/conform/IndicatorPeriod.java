package uk.dtw.etl.conform;

import java.time.LocalDate;
import java.util.Optional;
import uk.dtw.model.reference.Area;
import uk.dtw.model.reference.FinancialYear;

/**
 * The period an indicator figure is for: a financial year ({@code 2008-09}) or, as deaths and other
 * registrations are counted, a calendar year ({@code 2008}).
 */
record IndicatorPeriod(String code, LocalDate start, LocalDate end) {

  static Optional<IndicatorPeriod> parse(String text) {
    String t = text.trim();
    if (t.matches("(19|20)\\d\\d")) {
      int year = Integer.parseInt(t);
      return Optional.of(
          new IndicatorPeriod(t, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
    }
    return FinancialYear.parse(t)
        .map(fy -> new IndicatorPeriod(fy.toString(), fy.startDate(), fy.endDate()));
  }

  /**
   * True if the area existed during part of the period (a calendar year spans two financial years).
   */
  boolean validFor(Area area) {
    return area.validIn(FinancialYear.containing(start))
        || area.validIn(FinancialYear.containing(end));
  }
}
